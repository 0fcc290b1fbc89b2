import type { listSecondScreens } from '../../domain/second-screens/list-second-screens.js';
import { formatInstant, PriorityTag } from '../components.js';
import { Layout } from '../layout.js';
import { labelOf } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { CsrfField } from '../second-opinion-parts.js';
import { countOf } from '../../lib/plural.js';

type Listing = Awaited<ReturnType<typeof listSecondScreens>>['items'];
type Whole = Extract<Listing[number], { criterion: string }>;
type Blind = Exclude<Listing[number], Whole>;

const STATUS_TABS: [string, string][] = [['awaiting_settlement', 'To settle'], ['awaiting_screen', 'Waiting for a screen'], ['agreed', 'Agreed'], ['settled', 'Settled']];

/** A screener's queue of second screens they may take: nothing of the first decision, nor why each was drawn. */
function ScreenerQueue({ items }: { items: Blind[] }) {
  return (
    <>
      <p class="govuk-body">Each of these contacts has been decided by a colleague. Screen it as if it were new: you will not see their decision until you have recorded yours.</p>
      {items.length === 0 ? <p class="govuk-body">No second screen is waiting for you.</p> : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{items.length} waiting, oldest first</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Contact</th><th scope="col" class="govuk-table__header">Priority</th>
            <th scope="col" class="govuk-table__header">Received</th><th scope="col" class="govuk-table__header">Drawn</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {items.map((s) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell"><a class="govuk-link" href={`/second-screens/${s.id}`}>Screen {s.contactId}</a></td>
                <td class="govuk-table__cell"><PriorityTag priority={s.priority} /></td>
                <td class="govuk-table__cell">{formatInstant(s.receivedAt)}</td>
                <td class="govuk-table__cell">{formatInstant(s.selectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ManagerList({ session, items, status, drawn }: { session: WebSession; items: Whole[]; status: string; drawn: { considered: number; selected: number } | null }) {
  return (
    <>
      {drawn ? (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="drawn-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="drawn-title">Drawn</h2></div>
          <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{countOf(drawn.considered, 'decision')} considered, {drawn.selected} drawn for a second screen.</p></div>
        </div>
      ) : null}
      <p class="govuk-body">Contacts are drawn by the authority’s settings and a seed: the same decisions always give the same draw, whoever runs it.</p>
      <form method="post" action="/second-screens/draws" class="govuk-!-margin-bottom-6">
        <CsrfField csrf={session.csrf} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Draw from decisions made since the last draw</button>
      </form>
      <nav aria-label="Second screens by status">
        <ul class="govuk-list app-inline-list">
          {STATUS_TABS.map(([value, label]) => (
            <li>{value === status ? <strong>{label}</strong> : <a class="govuk-link" href={`/second-screens?status=${value}`}>{label}</a>}</li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? <p class="govuk-body">None.</p> : (
        <table class="govuk-table">
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Contact</th><th scope="col" class="govuk-table__header">Why drawn</th>
            <th scope="col" class="govuk-table__header">First</th><th scope="col" class="govuk-table__header">Second</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {items.map((s) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell"><a class="govuk-link" href={`/second-screens/${s.id}`}>{s.contactId}</a></td>
                <td class="govuk-table__cell">{s.criterion.replace(/_/g, ' ')}</td>
                <td class="govuk-table__cell">{labelOf(s.first.outcome)} ({s.first.decidedBy})</td>
                <td class="govuk-table__cell">{s.second ? `${labelOf(s.second.outcome)} (${s.second.screener})` : 'Not yet screened'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function SecondScreensPage({ session, items, status, drawn }: { session: WebSession; items: Listing; status: string; drawn?: { considered: number; selected: number } | null }) {
  return (
    <Layout title="Second screens" session={session}>
      <h1 class="govuk-heading-l">Second screens</h1>
      {session.role === 'manager'
        ? <ManagerList session={session} items={items as Whole[]} status={status} drawn={drawn ?? null} />
        : <ScreenerQueue items={items as Blind[]} />}
    </Layout>
  );
}
