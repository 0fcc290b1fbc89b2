import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { BarChart, shareFigure, SmallTag } from '../charts.js';
import { FigureTable, Num } from './figure-table.js';

const perDay = (n: number | null) => (n === null ? '—' : String(n));

/** Per screener: decisions, the share that departed from the triage (the override rate), and decisions per working day. */
export function ScreenerFigures({ screeners }: { screeners: OversightSummary['screeners'] }) {
  return (
    <section aria-labelledby="screener-figures">
      <h2 class="govuk-heading-m" id="screener-figures">Overrides by screener</h2>
      <p class="govuk-body">Of each screener’s decisions in the period, those that departed from the triage (a declined prompt, or an outcome that does less than it suggested).</p>
      {screeners.length === 0 ? <p class="govuk-body">No decisions in the period.</p> : (
        <>
          <BarChart title="Override rate, by screener" unit="%" max={1}
            bars={screeners.map((s) => ({ label: s.screener, value: s.withDepartures.share, figure: shareFigure(s.withDepartures), ...(s.withDepartures.smallNumber ? { note: '(small number)' } : {}) }))} />
          <FigureTable caption="Each screener’s decisions" headers={['Screener', 'Decisions', 'Departed from the triage', 'Override rate', 'Per working day']} id="screener-table">
            {screeners.map((s) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">{s.screener}<SmallTag small={s.withDepartures.smallNumber} /></th>
                <Num>{s.decisions}</Num><Num>{s.withDepartures.count}</Num><Num>{shareFigure(s.withDepartures)}</Num><Num>{perDay(s.perWorkingDay)}</Num>
              </tr>
            ))}
          </FigureTable>
        </>
      )}
    </section>
  );
}

/** Per manager: reviews by verdict, and reviews per working day. */
export function ManagerFigures({ managers }: { managers: OversightSummary['managers'] }) {
  return (
    <section aria-labelledby="manager-figures">
      <h2 class="govuk-heading-m" id="manager-figures">Reviews per manager</h2>
      {managers.length === 0 ? <p class="govuk-body">No reviews in the period.</p> : (
        <>
          <BarChart title="Reviews per working day, by manager" unit=""
            bars={managers.map((m) => ({ label: m.manager, value: m.perWorkingDay, ...(m.reviews.smallNumber ? { note: '(small number)' } : {}) }))} />
          <FigureTable caption="The load on each manager, and their verdicts" headers={['Manager', 'Reviews', 'Endorsed', 'Overturned', 'Returned', 'Per working day']} id="manager-table">
            {managers.map((m) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">{m.manager}<SmallTag small={m.reviews.smallNumber} /></th>
                <Num>{m.reviews.count}</Num><Num>{m.endorse}</Num><Num>{m.overturn}</Num><Num>{m.return}</Num><Num>{perDay(m.perWorkingDay)}</Num>
              </tr>
            ))}
          </FigureTable>
        </>
      )}
    </section>
  );
}

/** Per rule: of the decisions where it fired, the share that declined a prompt it raised. */
export function RuleOverrides({ rules }: { rules: OversightSummary['overrideRateByRule'] }) {
  return (
    <section aria-labelledby="rule-overrides">
      <h2 class="govuk-heading-m" id="rule-overrides">Overrides by rule</h2>
      {rules.length === 0 ? <p class="govuk-body">No rule fired on a decision in the period.</p> : (
        <FigureTable caption="Of decisions where each rule fired, those that declined a prompt it raised" headers={['Rule', 'Declined', 'Decisions where it fired', 'Share']} id="rule-table">
          {rules.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header"><code class="app-rule-id">{r.rule}</code><SmallTag small={r.smallNumber} /></th>
              <Num>{r.count}</Num><Num>{r.total}</Num><Num>{shareFigure(r)}</Num>
            </tr>
          ))}
        </FigureTable>
      )}
    </section>
  );
}
