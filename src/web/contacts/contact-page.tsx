import type { Child } from 'hono/jsx';
import type { ContactView } from '../../domain/contacts/contact-view.js';
import type { Prompt, RuleOutcome } from '../../rules/evaluate.js';
import { formatInstant, IndicatorTag, PriorityTag, SummaryList } from '../components.js';
import { childrenInWords, contactDetails } from '../contact-name.js';
import type { ContactSummary } from '../../domain/contacts/summarise-contacts.js';
import { Confirmation } from '../confirmation.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import { cardReasons, type CardReason } from '../prompt-reasons.js';
import { SuggestedResponse } from './response-section.js';

function PromptCard({ prompt, reasons }: { prompt: Prompt; reasons: CardReason[] }) {
  return (
    <div class={`govuk-summary-card app-prompt app-prompt--${prompt.indicator}`} id={`prompt-${prompt.action}`}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title"><IndicatorTag indicator={prompt.indicator} /> {prompt.summary}</h3>
      </div>
      <div class="govuk-summary-card__content">
        <h4 class="govuk-heading-s">Why</h4>
        <ul class="govuk-list govuk-list--bullet">
          {reasons.map((r) => (
            <li>
              {r.text}{' '}
              {r.givenUnder ? <span class="govuk-body-s">Given in full under <a class="govuk-link" href={`#prompt-${r.givenUnder.action}`}>“{r.givenUnder.summary}”</a>.</span> : null}{' '}
              <span class="govuk-body-s app-rule-id">({r.id})</span>
            </li>
          ))}
        </ul>
        <p class="govuk-body-s">Sources: {prompt.sources.join('; ')}</p>
      </div>
    </div>
  );
}

function RulesTable({ rules }: { rules: RuleOutcome[] }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">Every rule of the rule set, with what it saw</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Rule</th><th scope="col" class="govuk-table__header">Raised</th><th scope="col" class="govuk-table__header">Why</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        {rules.map((r) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{r.id}</th>
            <td class="govuk-table__cell">{r.fired ? 'Yes' : 'No'}</td>
            <td class="govuk-table__cell govuk-body-s">{r.rationale}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The triage of one contact: the suggested route and urgency with their reasons, the priority, each prompt as a card with its reasons and sources, then every rule. */
export function ContactPage({ session, contact, summary, done, below, hasErrors }: { session: WebSession; contact: ContactView; summary?: ContactSummary | undefined; done?: string | undefined; below?: Child; hasErrors?: boolean }) {
  const { triage } = contact;
  const reasons = cardReasons(triage.prompts as Prompt[], triage.rules as RuleOutcome[]);
  const children = contact.children as { givenName?: string; ageDays?: number | null; unborn?: boolean; ageMonths?: number | null }[];
  return (
    <Layout title={`${childrenInWords(summary)}: triage`} session={session} hasErrors={hasErrors}>
      <Confirmation done={done} />
      <span class="govuk-caption-l">{childrenInWords(summary)}</span>
      <p class="govuk-body-s">{contactDetails(summary)} · contact {contact.id}</p>
      <h1 class="govuk-heading-l">Triage</h1>
      <SuggestedResponse triage={triage} />
      <p class="govuk-body"><PriorityTag priority={triage.priority} /> <span class="govuk-body-s">score {triage.score} of 100</span></p>
      {triage.historyComplete ? null : (
        <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The case system did not answer: check the children’s history by hand.</strong></div>
      )}
      <SummaryList rows={[
        ['Status', contact.status.replace(/_/g, ' ')],
        ['Received', formatInstant(contact.receivedAt)],
        ['Decision due by', formatInstant(contact.decisionDueBy)],
        ['Children', children.map((c) => `${c.givenName ?? 'Not named'} (${c.unborn ? 'unborn' : `${c.ageMonths ?? '?'} months`})`).join(', ')],
        ['Rule set', `${triage.ruleSet.version ?? ''} ${triage.ruleSet.hash.slice(0, 19)}…`],
      ]} />
      <h2 class="govuk-heading-m">Prompts</h2>
      {triage.prompts.length === 0 ? <p class="govuk-body">No rule raised a prompt. Record your decision and its reasons.</p> : null}
      {(triage.prompts as Prompt[]).map((p) => <PromptCard prompt={p} reasons={reasons.get(p.action) ?? []} />)}
      {below ?? null}
      <details class="govuk-details">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">All {triage.rules.length} rules and the facts they saw</span></summary>
        <div class="govuk-details__text"><RulesTable rules={triage.rules as RuleOutcome[]} /></div>
      </details>
    </Layout>
  );
}
