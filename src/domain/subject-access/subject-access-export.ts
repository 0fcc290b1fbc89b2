import { appendAudit } from '../../db/repositories/audit.repo.js';
import { listPeople } from '../../db/repositories/contacts.repo.js';
import { listDecisions, listReviews } from '../../db/repositories/decisions.repo.js';
import { listFamilyExplanations } from '../../db/repositories/family.repo.js';
import { listSharingForContact } from '../../db/repositories/sharing.repo.js';
import { listContactsNaming } from '../../db/repositories/subject-access.repo.js';
import { listTriages } from '../../db/repositories/triages.repo.js';
import type { ContactRow } from '../../db/schema.js';
import type { Database } from '../../db/client.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { REASONS, type Redaction } from './redactions.js';

/** Contact fields about the child named in the codes of the CIN census; anything else on the contact is about the household or others. */
const OWN_CONTACT_FIELDS = new Set(['receivedAt', 'channel', 'concerns', 'immediateDanger']);

async function contactSection(db: Database, contact: ContactRow, personId: string, redactions: Redaction[]) {
  const at = (field: string) => `/contacts/${contact.id}${field}`;
  const redact = (field: string, reason: keyof typeof REASONS, about: string) => redactions.push({ contactId: contact.id, field: at(field), about, ...REASONS[reason] });
  const record = contact.record as Record<string, unknown>;
  const { children, adults } = await listPeople(db, contact.id);
  const [triages, decisions, reviews, sharing, letters] = await Promise.all([
    listTriages(db, contact.id), listDecisions(db, contact.id), listReviews(db, contact.id),
    listSharingForContact(db, contact.la, contact.id), listFamilyExplanations(db, contact.la, contact.id),
  ]);
  const checks = await db.selectFrom('checks').selectAll().where('contact_id', '=', contact.id).orderBy('requested_at').execute();

  redact('/referrer', 'referrer', 'who made the contact, and their words about it');
  if (record.narrative) redact('/narrative', 'third_party', 'the referrer’s account, which names and describes other people');
  for (const key of Object.keys(record)) {
    if (!OWN_CONTACT_FIELDS.has(key) && key !== 'referrer' && key !== 'narrative') redact(`/${key}`, 'third_party', `what was said about the household (${key})`);
  }
  const people = [
    ...children.map((c) => ({ kind: 'child' as const, position: c.position, personId: c.person_id, record: c.record as Record<string, unknown> })),
    ...adults.map((a) => ({ kind: 'adult' as const, position: a.position, personId: a.person_id, record: a.record as Record<string, unknown> })),
  ];
  const you = people.filter((p) => p.personId === personId);
  for (const p of people.filter((q) => q.personId !== personId)) redact(`/${p.kind === 'child' ? 'children' : 'adults'}/${p.position}`, 'third_party', `another ${p.kind} named in the contact`);
  for (const c of checks) if (c.response) redact(`/checks/${c.partner}/response`, 'partner', `what ${c.partner.replace(/_/g, ' ')} told us`);
  for (const d of decisions) redact(`/decisions/${d.sequence}/rationale`, 'reviewer', 'the screener’s reasoning, which may name other people');
  for (const r of reviews) redact(`/reviews/${r.id}/rationale`, 'reviewer', 'the manager’s reasoning, which may name other people');

  return {
    contactId: contact.id,
    receivedAt: iso(contact.received_at),
    status: contact.status,
    referrer: { group: contact.referrer_group },
    about: Object.fromEntries(Object.entries(record).filter(([k]) => OWN_CONTACT_FIELDS.has(k))),
    you: you.map((p) => ({ kind: p.kind, ...p.record })),
    triages: triages.map((t) => ({
      sequence: t.sequence, at: iso(t.created_at), priority: t.priority, route: t.route, urgency: t.urgency,
      prompts: (t.prompts as { action: string; summary: string }[]).map((p) => ({ action: p.action, summary: p.summary })),
    })),
    decisions: decisions.map((d) => ({ sequence: d.sequence, outcome: d.outcome, route: d.route, urgency: d.urgency, decidedBy: d.decided_by, decidedAt: iso(d.decided_at), rationale: '[redacted]' })),
    reviews: reviews.map((r) => ({ verdict: r.verdict, outcome: r.outcome, reviewedBy: r.reviewed_by, rationale: '[redacted]' })),
    checks: checks.map((c) => ({ partner: c.partner, status: c.status, requestedAt: iso(c.requested_at), respondedAt: iso(c.responded_at), response: c.response ? '[redacted]' : null })),
    informationSharing: sharing.map((s) => ({
      kind: s.kind, partner: s.partner, shared: s.shared, lawfulBasis: s.lawful_basis, consent: s.consent, withoutConsentReason: s.without_consent_reason, decidedAt: iso(s.decided_at),
    })),
    lettersToTheFamily: letters.map((l) => ({ sentAt: iso(l.sent_at), audience: l.audience, text: l.text })),
  };
}

/**
 * Everything this service holds about one person (by person id) across the
 * authority's contacts, with third parties and the referrer redacted and
 * each redaction listed with its reason for the reviewer. Producing one is
 * recorded, with a read on each contact's trail, in the same transaction.
 */
export async function subjectAccessExport({ ctx, personId }: { ctx: VerbContext; personId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'auditor'], 'produce a subject access export');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const contacts = await listContactsNaming(tx, actor.la, personId);
    if (contacts.length === 0) throw new NotFound(`Person ${personId}`);
    const redactions: Redaction[] = [];
    const sections = [];
    // biome-ignore lint/performance/noAwaitInLoops: one transaction's queries run one at a time
    for (const c of contacts) sections.push(await contactSection(tx, c, personId, redactions));
    const id = deps.ids('sar');
    await appendAudit(tx, [
      {
        la: actor.la, contactId: null, action: 'subject_access.produced', actor, at: now,
        detail: { exportId: id, contactIds: contacts.map((c) => c.id), redactions: redactions.length, requestId: ctx.requestId },
      },
      ...contacts.map((c) => ({ la: actor.la, contactId: c.id, action: 'contact.read', actor, at: now, detail: { version: c.version, via: 'subject_access', exportId: id, requestId: ctx.requestId } })),
    ]);
    return { id, personId, localAuthority: actor.la, producedAt: now.toISOString(), producedBy: actor.sub, contacts: sections, redactions };
  });
}
export type SubjectAccessExport = Awaited<ReturnType<typeof subjectAccessExport>>;
