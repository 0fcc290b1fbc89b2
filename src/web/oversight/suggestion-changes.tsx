import type { ShareCell } from '../../domain/oversight/cells.js';
import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { BarChart, shareFigure, SmallTag } from '../charts.js';
import { countOf } from '../../lib/plural.js';
import { FigureTable, Num } from './figure-table.js';

type Changes = OversightSummary['suggestionChanges'];
type Row = Omit<Changes, 'withoutSuggestion' | 'byScreener'>;

const Count = ({ cell }: { cell: ShareCell }) => <Num>{cell.count}</Num>;

function ChangesRow({ who, row }: { who: string; row: Row }) {
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">{who}<SmallTag small={row.changed.smallNumber} /></th>
      <Num>{row.decisions}</Num><Num>{shareFigure(row.changed)}</Num>
      <Num>{row.route.changed.count}</Num><Count cell={row.route.raised} /><Count cell={row.route.lowered} /><Count cell={row.route.across} />
      <Num>{row.urgency.changed.count}</Num><Count cell={row.urgency.raised} /><Count cell={row.urgency.lowered} />
    </tr>
  );
}

const HEADERS = ['Screener', 'Decisions', 'Changed', 'Route changed', 'Route raised', 'Route lowered', 'Route across', 'Urgency changed', 'Urgency raised', 'Urgency lowered'];

/** How often screeners changed the suggested route and urgency, which way, and who: a chart and its table. */
export function SuggestionChanges({ changes }: { changes: Changes }) {
  return (
    <section aria-labelledby="suggestion-changes-heading">
      <h2 class="govuk-heading-m" id="suggestion-changes-heading">Changes to the suggested route and urgency</h2>
      <p class="govuk-body">Of {countOf(changes.decisions, 'decision')} on triages that suggested a route and urgency{changes.withoutSuggestion ? ` (and ${changes.withoutSuggestion} on older triages that suggested none, left out)` : ''}: the route changed in {shareFigure(changes.route.changed)}, the urgency in {shareFigure(changes.urgency.changed)}. Raised means a route that does more or a sooner response; lowered the opposite; across a route that does as much.</p>
      <BarChart title="Share of decisions that changed the suggested route or urgency, by screener" max={1} unit="%"
        bars={changes.byScreener.map((s) => ({ label: s.screener, value: s.changed.share, figure: shareFigure(s.changed), ...(s.changed.smallNumber ? { note: '(small number)' } : {}) }))} />
      <FigureTable caption="Decisions that changed the suggestion, and which way" headers={HEADERS} id="suggestion-changes">
        <ChangesRow who="All screeners" row={changes} />
        {changes.byScreener.map((s) => <ChangesRow who={s.screener} row={s} />)}
      </FigureTable>
    </section>
  );
}
