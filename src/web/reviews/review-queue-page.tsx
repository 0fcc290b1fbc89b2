import type { listReviewQueue } from '../../domain/reviews/list-review-queue.js';
import { formatInstant, PriorityTag } from '../components.js';
import { urgencyLabel } from '../labels.js';
import { ContactName, type Summaries } from '../contact-name.js';
import { Confirmation } from '../confirmation.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';

type Queue = Awaited<ReturnType<typeof listReviewQueue>>;

/** The manager's queue: flagged decisions, oldest due first, overdue marked. */
export function ReviewQueuePage({ session, queue, summaries, done }: { session: WebSession; queue: Queue; summaries: Summaries; done?: string | undefined }) {
  return (
    <Layout title="Review queue" session={session}>
      <Confirmation done={done} />
      <h1 class="govuk-heading-l">Decisions to review</h1>
      {queue.items.length === 0 ? <p class="govuk-body">No decision is waiting for review.</p> : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{queue.count} waiting, oldest due first</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Contact</th><th scope="col" class="govuk-table__header">Urgency</th>
            <th scope="col" class="govuk-table__header">Priority</th>
            <th scope="col" class="govuk-table__header">Declined prompts</th><th scope="col" class="govuk-table__header">Screener</th>
            <th scope="col" class="govuk-table__header">Review due</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {queue.items.map((item) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell"><ContactName href={`/reviews/${item.contactId}`} summary={summaries.get(item.contactId)} /><br /><span class="govuk-body-s">decided {item.outcome.replace(/_/g, ' ')} ({item.overrideReason})</span></td>
                <td class="govuk-table__cell">{item.suggested.urgency ? urgencyLabel(item.suggested.urgency) : '—'}{item.urgency && item.urgency !== item.suggested.urgency ? <><br /><span class="govuk-body-s">screener: {urgencyLabel(item.urgency).toLowerCase()}</span></> : null}</td>
                <td class="govuk-table__cell"><PriorityTag priority={item.priority} /></td>
                <td class="govuk-table__cell">{item.declinedPrompts.map((p) => p.action.replace(/_/g, ' ')).join(', ') || 'None'}</td>
                <td class="govuk-table__cell">{item.screener}</td>
                <td class="govuk-table__cell">{item.overdue ? <strong class="govuk-tag govuk-tag--red">Overdue</strong> : null} {formatInstant(item.reviewDueBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
