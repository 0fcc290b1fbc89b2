import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { subjectAccessExport, type SubjectAccessExport } from '../../domain/subject-access/subject-access-export.js';
import { formatInstant } from '../components.js';
import { Layout } from '../layout.js';
import { webVerbContext, type WebEnv, type WebSession } from '../session.js';
import { countOf } from '../../lib/plural.js';

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function Section({ contact }: { contact: SubjectAccessExport['contacts'][number] }) {
  return (
    <section class="app-sar-contact">
      <h2 class="govuk-heading-m">Contact received {formatInstant(contact.receivedAt)}</h2>
      <p class="govuk-body-s">{contact.contactId} · {contact.status.replace(/_/g, ' ')} · made by: {contact.referrer.group.replace(/_/g, ' ')} (identity redacted)</p>
      <h3 class="govuk-heading-s">About you</h3>
      <dl class="govuk-summary-list">
        {[...Object.entries(contact.about), ...contact.you.flatMap((p) => Object.entries(p))].map(([k, v]) => (
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{show(v)}</dd></div>
        ))}
      </dl>
      <h3 class="govuk-heading-s">What we decided</h3>
      <ul class="govuk-list govuk-list--bullet">
        {contact.triages.map((t) => <li>Triage {t.sequence} ({formatInstant(t.at)}): {t.priority}, {show(t.route)}; {t.prompts.map((p) => p.summary).join('; ')}</li>)}
        {contact.decisions.map((d) => <li>Decision {d.sequence} by {d.decidedBy}, {formatInstant(d.decidedAt)}: {d.outcome.replace(/_/g, ' ')} (reasons redacted for review)</li>)}
      </ul>
      <h3 class="govuk-heading-s">Information shared with other agencies</h3>
      <ul class="govuk-list govuk-list--bullet">
        {contact.informationSharing.map((s) => <li>{s.partner.replace(/_/g, ' ')} ({s.kind}): {s.lawfulBasis.replace(/_/g, ' ')}; consent {s.consent.replace(/_/g, ' ')}{s.withoutConsentReason ? ` (${s.withoutConsentReason.replace(/_/g, ' ')})` : ''}</li>)}
      </ul>
      {contact.lettersToTheFamily.map((l) => <div class="app-letter"><h3 class="govuk-heading-s">Letter sent {formatInstant(l.sentAt)}</h3>{l.text}</div>)}
    </section>
  );
}

/** The printable subject access document, with the redaction schedule for the reviewer at the end. */
function SubjectAccessPage({ session, sar }: { session: WebSession; sar: SubjectAccessExport }) {
  return (
    <Layout title={`Subject access: ${sar.personId}`} session={session}>
      <link rel="stylesheet" href="/ui/family-print.css" />
      <span class="govuk-caption-l">Subject access export {sar.id}</span>
      <h1 class="govuk-heading-l">What we hold about {sar.personId}</h1>
      <p class="govuk-body">Produced {formatInstant(sar.producedAt)} by {sar.producedBy}, from {countOf(sar.contacts.length, 'contact')}. Other people’s information and who made each contact are redacted.</p>
      {sar.contacts.map((c) => <Section contact={c} />)}
      <h2 class="govuk-heading-m">Redactions, for the reviewer</h2>
      <table class="govuk-table">
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Where</th><th scope="col" class="govuk-table__header">About</th>
          <th scope="col" class="govuk-table__header">Reason</th><th scope="col" class="govuk-table__header">Exemption</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {sar.redactions.map((r) => <tr class="govuk-table__row"><td class="govuk-table__cell govuk-body-s">{r.field}</td><td class="govuk-table__cell govuk-body-s">{r.about}</td><td class="govuk-table__cell govuk-body-s">{r.reason}</td><td class="govuk-table__cell govuk-body-s">{r.basis}</td></tr>)}
        </tbody>
      </table>
    </Layout>
  );
}

/** `/subject-access/{personId}`: the printable export for managers and auditors; producing it is recorded like the API's. */
export function subjectAccessPages(deps: Deps) {
  const app = new Hono<WebEnv>();
  app.get('/subject-access/:personId', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/sign-in', 303);
    const personId = c.req.param('personId');
    if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(personId)) return c.notFound();
    const sar = await subjectAccessExport({ ctx: webVerbContext(c, deps), personId });
    return c.html(<SubjectAccessPage session={session} sar={sar} />);
  });
  return app;
}
