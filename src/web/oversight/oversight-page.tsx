import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { ErrorSummary, TextInput, type FieldErrors } from '../components.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { BarChart, shareBars, ShareTable } from '../charts.js';
import { SuggestionChanges } from './suggestion-changes.js';
import { count } from '../plural.js';
import { SharingOversight } from '../sharing/sharing-oversight.js';

/** Oversight figures for the authority: each chart with its table beside it. */
export function OversightPage({ session, query, summary, errors }: { session: WebSession; query: { from?: string; to?: string }; summary: OversightSummary | null; errors: FieldErrors }) {
  return (
    <Layout title="Oversight" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Oversight</h1>
      <form method="get" action="/oversight" novalidate class="app-inline-fields">
        <TextInput id="from" name="from" label="From (YYYY-MM-DD)" width="10" value={query.from} error={errors.from} />
        <TextInput id="to" name="to" label="To (YYYY-MM-DD)" width="10" value={query.to} error={errors.to} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Show figures</button>
      </form>
      {summary ? (
        <>
          <p class="govuk-body">{summary.from} to {summary.to}: {count(summary.workingDays, 'working day')}. Figures from fewer than {summary.smallNumberThreshold} contacts are marked “small number”: read them with care.</p>
          <h2 class="govuk-heading-m">No further action, by who referred</h2>
          <p class="govuk-body">The bias this service exists to counter: are concerns from family and the public closed more often than professionals’?</p>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-full"><BarChart title="Share of closed contacts ending in NFA, by referrer group" bars={shareBars(summary.nfa.byReferrerGroup)} max={1} unit="%" /></div>
            <div class="govuk-grid-column-full"><ShareTable caption="NFA by referrer group" cells={summary.nfa.byReferrerGroup} keyHeader="Referrer group" /></div>
          </div>
          <h2 class="govuk-heading-m">No further action, by the children’s ethnicity</h2>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-full"><BarChart title="Share of closed contacts ending in NFA, by recorded ethnicity" bars={shareBars(summary.nfa.byEthnicity)} max={1} unit="%" /></div>
            <div class="govuk-grid-column-full"><ShareTable caption="NFA by recorded ethnicity" cells={summary.nfa.byEthnicity} keyHeader="Ethnicity" /></div>
          </div>
          <p class="govuk-body">Children with no ethnicity recorded: {summary.nfa.ethnicityMissing.count} of {summary.nfa.ethnicityMissing.total}.</p>
          <h2 class="govuk-heading-m">Reviews per manager per working day</h2>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-full">
              <BarChart title="Reviews per working day, by manager" unit="" bars={summary.managers.map((m) => ({ label: m.manager, value: m.perWorkingDay, ...(m.reviews.smallNumber ? { note: '(small number)' } : {}) }))} />
            </div>
            <div class="govuk-grid-column-full">
              <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">The load on each manager</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Manager</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Reviews</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Overturned</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Per working day</th>
                </tr></thead>
                <tbody class="govuk-table__body">
                  {summary.managers.map((m) => (
                    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{m.manager}</th>
                      <td class="govuk-table__cell govuk-table__cell--numeric">{m.reviews.count}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">{m.overturn}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">{m.perWorkingDay ?? '—'}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <h2 class="govuk-heading-m">Overrides by rule</h2>
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Rule</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Declined</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Decisions where it fired</th>
            </tr></thead>
            <tbody class="govuk-table__body">
              {summary.overrideRateByRule.map((r) => (
                <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{r.rule}{r.smallNumber ? <strong class="govuk-tag govuk-tag--grey app-small">small number</strong> : null}</th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.count}</td><td class="govuk-table__cell govuk-table__cell--numeric">{r.total}</td></tr>
              ))}
            </tbody>
          </table>
          <SuggestionChanges changes={summary.suggestionChanges} />
          <SharingOversight figures={summary.informationSharing} />
        </>
      ) : null}
    </Layout>
  );
}
