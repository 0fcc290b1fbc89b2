import type { ShareCell } from '../../domain/oversight/cells.js';
import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { BarChart } from '../charts.js';
import { count } from '../plural.js';

type Changes = OversightSummary['suggestionChanges'];
type Row = Omit<Changes, 'withoutSuggestion' | 'byScreener'>;

const Count = ({ cell }: { cell: ShareCell }) => (
  <td class="govuk-table__cell govuk-table__cell--numeric">{cell.count}{cell.smallNumber && cell.count > 0 ? <span class="govuk-visually-hidden"> (small number)</span> : null}</td>
);

function ChangesRow({ who, row }: { who: string; row: Row }) {
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">{who}{row.changed.smallNumber ? <strong class="govuk-tag govuk-tag--grey app-small">small number</strong> : null}</th>
      <td class="govuk-table__cell govuk-table__cell--numeric">{row.decisions}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{row.changed.count}{row.changed.share === null ? '' : ` (${Math.round(row.changed.share * 100)}%)`}</td>
      <Count cell={row.route.raised} /><Count cell={row.route.lowered} /><Count cell={row.route.across} />
      <Count cell={row.urgency.raised} /><Count cell={row.urgency.lowered} />
    </tr>
  );
}

/** How often screeners changed the suggested route and urgency, which way, and who: a chart and its table. */
export function SuggestionChanges({ changes }: { changes: Changes }) {
  return (
    <>
      <h2 class="govuk-heading-m">Changes to the suggested route and urgency</h2>
      <p class="govuk-body">Of {count(changes.decisions, 'decision')} on triages that suggested a route and urgency{changes.withoutSuggestion ? ` (and ${changes.withoutSuggestion} on older triages that suggested none, left out)` : ''}. Raised means a route that does more or a sooner response; lowered the opposite; across a route that does as much.</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-full">
          <BarChart title="Share of decisions that changed the suggested route or urgency, by screener" max={1} unit="%"
            bars={changes.byScreener.map((s) => ({ label: s.screener, value: s.changed.share, ...(s.changed.smallNumber ? { note: '(small number)' } : {}) }))} />
        </div>
        <div class="govuk-grid-column-full">
          <table class="govuk-table" id="suggestion-changes">
            <caption class="govuk-table__caption govuk-table__caption--s">Decisions that changed the suggestion, and which way</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                {['Screener', 'Decisions', 'Changed', 'Route raised', 'Route lowered', 'Route across', 'Urgency raised', 'Urgency lowered'].map((h, i) => (
                  <th scope="col" class={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              <ChangesRow who="All screeners" row={changes} />
              {changes.byScreener.map((s) => <ChangesRow who={s.screener} row={s} />)}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
