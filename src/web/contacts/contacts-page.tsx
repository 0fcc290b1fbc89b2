import type { listContacts } from '../../domain/contacts/list-contacts.js';
import { formatInstant, PriorityTag } from '../components.js';
import { routeLabel, urgencyLabel } from '../labels.js';
import { ContactName, type Summaries } from '../contact-name.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';

type Row = Awaited<ReturnType<typeof listContacts>>[number];

/** Open contacts with their urgency and due times, the soonest due first (so the overdue lead). */
export function ContactsPage({ session, contacts, summaries }: { session: WebSession; contacts: Row[]; summaries: Summaries }) {
  const ordered = [...contacts.filter((c) => c.overdue), ...contacts.filter((c) => !c.overdue)];
  return (
    <Layout title="Open contacts" session={session}>
      <h1 class="govuk-heading-l">Open contacts</h1>
      {ordered.length === 0 ? <p class="govuk-body">There are no open contacts.</p> : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{ordered.length} open, overdue first, then by when the decision is due</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Contact</th><th scope="col" class="govuk-table__header">Urgency</th>
            <th scope="col" class="govuk-table__header">Priority</th><th scope="col" class="govuk-table__header">Status</th>
            <th scope="col" class="govuk-table__header">Decision due</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {ordered.map((c) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell"><ContactName href={`/contacts/${c.id}`} summary={summaries.get(c.id)} /></td>
                <td class="govuk-table__cell">{c.urgency ? <>{urgencyLabel(c.urgency)}<br /><span class="govuk-body-s">{routeLabel(c.route)}</span></> : '—'}</td>
                <td class="govuk-table__cell"><PriorityTag priority={c.priority} /></td>
                <td class="govuk-table__cell">{c.status.replace(/_/g, ' ')}</td>
                <td class="govuk-table__cell">{c.overdue ? <strong class="govuk-tag govuk-tag--red">Overdue</strong> : null} {formatInstant(c.decisionDueBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
