import type { ScreeningOutcomes } from '../../domain/outcomes/summarise-screening-outcomes.js';
import { ErrorSummary, TextInput, type FieldErrors } from '../components.js';
import { Layout } from '../layout.js';
import { percent } from '../second-opinion-labels.js';
import type { WebSession } from '../session.js';
import { BarChart } from '../charts.js';
import { SmallNumberTag } from '../second-opinion-parts.js';
import { countOf } from '../../lib/plural.js';

type Row = { within6Months: ScreeningOutcomes['overall']['within6Months']; within12Months: ScreeningOutcomes['overall']['within12Months'] };

function RecontactTable({ caption, keyHeader, rows }: { caption: string; keyHeader: string; rows: (Row & { key: string })[] }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">{keyHeader}</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Back within 6 months</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Back within 12 months</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {rows.map((r) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{r.key.replace(/_/g, ' ')}<SmallNumberTag show={r.within12Months.smallNumber} /></th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{percent(r.within6Months)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{percent(r.within12Months)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What became of contacts closed with no action: who came back, after which rules and overrides, beside the national rate. */
export function ScreeningOutcomesPage({ session, query, summary, errors }: { session: WebSession; query: { from?: string; to?: string }; summary: ScreeningOutcomes | null; errors: FieldErrors }) {
  return (
    <Layout title="Screening outcomes" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Screening outcomes</h1>
      <p class="govuk-body">Contacts closed with no further action or information and advice: did the family come back?</p>
      <form method="get" action="/screening-outcomes" novalidate class="app-inline-fields">
        <TextInput id="from" name="from" label="Closed from (YYYY-MM-DD)" width="10" value={query.from} error={errors.from} />
        <TextInput id="to" name="to" label="Closed to (YYYY-MM-DD)" width="10" value={query.to} error={errors.to} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Show outcomes</button>
      </form>
      {summary ? (
        <>
          <p class="govuk-body">{countOf(summary.closedNoAction, 'contact')} closed with no action from {summary.from} to {summary.to}. A contact counts once its window has passed ({summary.pending.within6Months} still inside six months, {summary.pending.within12Months} inside twelve). Figures from fewer than {summary.smallNumberThreshold} are marked “small number”.</p>
          <BarChart title="Share of no-action contacts followed by another contact within 12 months, beside the national re-referral rate" unit="%" max={1}
            bars={[{ label: 'This authority', value: summary.overall.within12Months.share, ...(summary.overall.within12Months.smallNumber ? { note: '(small number)' } : {}) }, { label: 'England (re-referrals)', value: summary.national.rereferralRate }]} />
          <p class="govuk-body-s">{summary.national.note}.</p>
          <RecontactTable caption="Overall" keyHeader="Contacts" rows={[{ key: 'all closed with no action', ...summary.overall }]} />
          <RecontactTable caption="By screener" keyHeader="Screener" rows={summary.byScreener.map(({ screener, ...r }) => ({ key: screener, ...r }))} />
          <RecontactTable caption="By team" keyHeader="Team" rows={summary.byTeam.map(({ team, ...r }) => ({ key: team, ...r }))} />
          <RecontactTable caption="By declined prompt" keyHeader="Prompt declined" rows={summary.byDeclinedPrompt.map(({ action, ...r }) => ({ key: action, ...r }))} />
          <RecontactTable caption="By rule that fired" keyHeader="Rule" rows={summary.byRule.map(({ rule, ...r }) => ({ key: rule, ...r }))} />
          <h2 class="govuk-heading-m">Were overrides borne out?</h2>
          <p class="govuk-body">Not borne out: a later contact about the child within twelve months ended in action.</p>
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Prompt declined</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Declined</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Borne out</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Not borne out</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Too soon to say</th>
            </tr></thead>
            <tbody class="govuk-table__body">
              {summary.overriddenPrompts.map((o) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">{o.action.replace(/_/g, ' ')}<SmallNumberTag show={o.notBorneOutShare.smallNumber} /></th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{o.overridden}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{o.borneOut}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{o.notBorneOut}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{o.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Layout>
  );
}
