import type { OversightSummary } from '../../domain/oversight/summarise-oversight.js';
import { ErrorSummary, formatInstant, TextInput, type FieldErrors } from '../components.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { BarChart, shareBars, shareFigure, ShareTable } from '../charts.js';
import { ethnicityWords, referrerGroupWords, type PartnerNames } from '../code-words.js';
import { SuggestionChanges } from './suggestion-changes.js';
import { countOf } from '../../lib/plural.js';
import { SharingOversight } from '../sharing/sharing-oversight.js';
import { ContactFigures } from './contact-figures.js';
import { ManagerFigures, RuleOverrides, ScreenerFigures } from './people-figures.js';

/** No further action by who referred and by the children's ethnicity: the bias this service exists to counter. */
function NfaFigures({ nfa }: { nfa: OversightSummary['nfa'] }) {
  return (
    <section aria-labelledby="nfa-figures">
      <h2 class="govuk-heading-m" id="nfa-figures">No further action, by who referred</h2>
      <p class="govuk-body">The bias this service exists to counter: are concerns from family and the public closed more often than professionals’? Of {countOf(nfa.closed, 'contact')} closed in the period:</p>
      <BarChart title="Share of closed contacts ending in NFA, by referrer group" bars={shareBars(nfa.byReferrerGroup, referrerGroupWords)} max={1} unit="%" />
      <ShareTable caption="NFA by referrer group" cells={nfa.byReferrerGroup} keyHeader="Referrer group" words={referrerGroupWords} />
      <h2 class="govuk-heading-m">No further action, by the children’s ethnicity</h2>
      <BarChart title="Share of closed contacts ending in NFA, by recorded ethnicity" bars={shareBars(nfa.byEthnicity, ethnicityWords)} max={1} unit="%" />
      <ShareTable caption="NFA by recorded ethnicity" cells={nfa.byEthnicity} keyHeader="Ethnicity" words={ethnicityWords} />
      <p class="govuk-body">Children on closed contacts with no ethnicity recorded: {shareFigure(nfa.ethnicityMissing)}.</p>
    </section>
  );
}

/** Oversight figures for the authority: every figure the API's summary gives, each chart with its table beside it. */
export function OversightPage({ session, query, summary, errors, partnerNames = {} }: { session: WebSession; query: { from?: string; to?: string }; summary: OversightSummary | null; errors: FieldErrors; partnerNames?: PartnerNames }) {
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
          <p class="govuk-body">{summary.from} to {summary.to}: {countOf(summary.workingDays, 'working day')}, figures as at {formatInstant(summary.asOf)}. Figures from fewer than {summary.smallNumberThreshold} contacts are marked “small number” and shown as “n of N”: read them with care.</p>
          <ContactFigures contacts={summary.contacts} recontact={summary.recontactWithin12MonthsOfNfa} />
          <NfaFigures nfa={summary.nfa} />
          <ScreenerFigures screeners={summary.screeners} />
          <RuleOverrides rules={summary.overrideRateByRule} />
          <ManagerFigures managers={summary.managers} />
          <SuggestionChanges changes={summary.suggestionChanges} />
          <SharingOversight figures={summary.informationSharing} partnerNames={partnerNames} />
        </>
      ) : null}
    </Layout>
  );
}
