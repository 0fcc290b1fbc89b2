import type { ContactView } from '../../domain/contacts/contact-view.js';
import type { Prompt } from '../../rules/evaluate.js';
import { ErrorSummary, formatInstant, Select, SummaryList, Textarea, type FieldErrors } from '../components.js';
import { YesNo } from '../choices.js';
import { value, type FormValues } from '../form-values.js';
import { OUTCOME_OPTIONS, promptsToAnswer } from './decision-form.js';
import { responseLabel, ROUTE_OPTIONS, routeLabel, URGENCY_OPTIONS, urgencyLabel } from '../labels.js';
import { REASONS_RULE } from '../messages.js';
import { outcomeWords } from '../code-words.js';
import type { WebSession } from '../session.js';

import type { Departure, StoredPromptResponse } from '../../domain/decisions/departures.js';

export type ContactWithDecisions = ContactView;

const outcomeLabel = (o: string | null) => (o ? outcomeWords(o) : '—');

/** The screener's decisions and the manager's reviews, side by side, never merged. */
export function DecisionHistory({ contact }: { contact: ContactWithDecisions }) {
  if (contact.decisions.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Decisions and reviews</h2>
      {contact.decisions.map((d) => {
        const responses = d.promptResponses as StoredPromptResponse[];
        const departures = d.departures as Departure[];
        const review = contact.reviews.find((r) => r.decisionId === d.id);
        return (
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <h3 class="govuk-heading-s">Screener’s decision</h3>
              <SummaryList rows={[
                ['Outcome', outcomeLabel(d.outcome)],
                ['Reasons', d.rationale],
                ...(d.route && d.urgency ? [['Route and urgency', d.routeChangeReason ? `${responseLabel(d.route, d.urgency)} (changed: ${d.routeChangeReason})` : `${responseLabel(d.route, d.urgency)} (as suggested)`] as [string, string]] : []),
                ['Declined', responses.filter((r) => r.response === 'declined').map((r) => `${r.action.replace(/_/g, ' ')}: ${r.reason ?? ''}`).join('; ') || 'None'],
                ['Departs from the triage', departures.length ? `${departures.map(departureWords).join(', ')} (${d.overrideReason})` : 'No'],
                ['By', `${d.decidedBy}, ${formatInstant(d.decidedAt)}`],
              ]} />
            </div>
            <div class="govuk-grid-column-one-half">
              <h3 class="govuk-heading-s">Manager’s review</h3>
              {review ? (
                <SummaryList rows={[
                  ['Verdict', review.verdict],
                  ['Outcome', review.outcome ? outcomeLabel(review.outcome) : 'The screener’s'],
                  ['Reasons', review.rationale],
                  ['By', `${review.reviewedBy}, ${formatInstant(review.reviewedAt)}`],
                ]} />
              ) : <p class="govuk-body">{departures.length ? 'Awaiting review.' : 'Not needed: the decision follows the triage.'}</p>}
            </div>
          </div>
        );
      })}
      {contact.finalOutcome ? <p class="govuk-body">Outcome that stands: <strong>{outcomeLabel(contact.finalOutcome)}</strong></p> : null}
    </>
  );
}

function departureWords(d: Departure): string {
  if (d.kind === 'route_changed') return `route ${d.direction} from ${routeLabel(d.from)} to ${routeLabel(d.to)}`;
  if (d.kind === 'urgency_changed') return `urgency ${d.direction} from ${urgencyLabel(d.from).toLowerCase()} to ${urgencyLabel(d.to).toLowerCase()}`;
  return d.kind.replace(/_/g, ' ');
}

/** Where the triage suggests a route and urgency: keep them, or change either with a reason. */
function RouteChange({ contact, form, errors }: { contact: ContactWithDecisions; form: FormValues; errors: FieldErrors }) {
  const { route, urgency } = contact.triage;
  if (!route || !urgency) return null;
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" id="route-change" aria-describedby="route-change-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Route and urgency</legend>
        <div class="govuk-hint" id="route-change-hint">The triage suggests {responseLabel(route, urgency)}. Change either if your judgement differs, and say why: a change goes to a manager for review.</div>
        <Select id="route" name="route" label="Route" blank={`Keep the suggestion: ${routeLabel(route)}`} options={ROUTE_OPTIONS} value={value(form, 'route')} error={errors.route} />
        <Select id="urgency" name="urgency" label="Urgency" blank={`Keep the suggestion: ${urgencyLabel(urgency).toLowerCase()}`} options={URGENCY_OPTIONS} value={value(form, 'urgency')} error={errors.urgency} />
        <Textarea id="routeChangeReason" name="routeChangeReason" label="If you change the route or urgency, why" rows={3} value={value(form, 'routeChangeReason')} error={errors.routeChangeReason} />
      </fieldset>
    </div>
  );
}

/** The decision form beneath the triage: a response to every prompt (guard prompts before closing the door), the route and urgency, and the reasons. */
export function DecisionForm({ session, contact, form, errors, guards }: {
  session: WebSession; contact: ContactWithDecisions; form: FormValues; errors: FieldErrors; guards: readonly string[];
}) {
  const prompts = promptsToAnswer(contact.triage.prompts as Prompt[]);
  return (
    <>
      <h2 class="govuk-heading-m" id="decision">Your decision</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/contacts/${contact.id}/decision`} novalidate>
        <input type="hidden" name="csrf" value={session.csrf} />
        {prompts.map((p) => {
          const rid = `response-${p.action}`;
          return (
            <div class={`govuk-form-group${errors[rid] || errors[`reason-${p.action}`] ? ' govuk-form-group--error' : ''}`}>
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.summary} <span class="govuk-body-s">({p.indicator})</span></legend>
                {guards.includes(p.action) ? <div class="govuk-hint">Answer this before no further action or information and advice; with any other outcome you may leave it.</div> : null}
                {errors[rid] ? <p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors[rid]}</p> : null}
                <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                  {([['accepted', 'Accept'], ['done', 'Done already'], ['declined', 'Decline']] as const).map(([v, label], i) => (
                    <div class="govuk-radios__item">
                      <input class="govuk-radios__input" id={i === 0 ? rid : `${rid}-${v}`} name={`response.${p.action}`} type="radio" value={v} checked={value(form, `response.${p.action}`) === v} />
                      <label class="govuk-label govuk-radios__label" for={i === 0 ? rid : `${rid}-${v}`}>{label}</label>
                    </div>
                  ))}
                </div>
                <Textarea id={`reason-${p.action}`} name={`reason.${p.action}`} label="If you decline, why" rows={2} value={value(form, `reason.${p.action}`)} error={errors[`reason-${p.action}`]} />
              </fieldset>
            </div>
          );
        })}
        <RouteChange contact={contact} form={form} errors={errors} />
        <Select id="outcome" name="outcome" label="Outcome" blank="Choose an outcome" options={OUTCOME_OPTIONS} value={value(form, 'outcome')} error={errors.outcome} />
        <Textarea id="rationale" name="rationale" label="Your reasons" hint={REASONS_RULE} rows={5} value={value(form, 'rationale')} error={errors.rationale} />
        <div class={`govuk-form-group${errors.overrideReason ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">If your decision departs from the prompts, on what basis?</legend>
            <div class="govuk-hint">A decision that declines a critical prompt, closes a red or amber contact, or changes the suggested route or urgency goes to a manager for review</div>
            {errors.overrideReason ? <p id="overrideReason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors.overrideReason}</p> : null}
            <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
              {([['', 'It does not depart'], ['policy', 'Local policy'], ['discretionary', 'Professional discretion'], ['other', 'Other']] as const).map(([v, label], i) => (
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id={i === 0 ? 'overrideReason' : `overrideReason-${v}`} name="overrideReason" type="radio" value={v} checked={value(form, 'overrideReason') === v} />
                  <label class="govuk-label govuk-radios__label" for={i === 0 ? 'overrideReason' : `overrideReason-${v}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <YesNo id="childSeen" name="childSeen" label="Has the child been seen?" value={({ yes: true, no: false } as Record<string, boolean>)[value(form, 'childSeen')] ?? null} error={errors.childSeen} />
        <YesNo id="childSpokenTo" name="childSpokenTo" label="Has the child been spoken to?" value={({ yes: true, no: false } as Record<string, boolean>)[value(form, 'childSpokenTo')] ?? null} error={errors.childSpokenTo} />
        <button type="submit" class="govuk-button" data-module="govuk-button">Record decision</button>
      </form>
    </>
  );
}
