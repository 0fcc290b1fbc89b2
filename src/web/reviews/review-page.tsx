import { ErrorSummary, PriorityTag, Select, Textarea, type FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { OUTCOME_OPTIONS } from '../decisions/decision-form.js';
import { childrenInWords, contactDetails } from '../contact-name.js';
import type { ContactSummary } from '../../domain/contacts/summarise-contacts.js';
import { Layout } from '../layout.js';
import { REASONS_RULE } from '../messages.js';
import type { WebSession } from '../session.js';
import { responseLabel } from '../labels.js';
import { statusWords } from '../code-words.js';
import { ReviewPrompts } from './review-prompts.js';
import { DecisionHistory, type ContactWithDecisions } from '../decisions/decision-section.js';

/** A flagged decision beside the triage it departs from, and the manager's verdict. */
export function ReviewPage({ session, contact, summary, etag, form, errors, stale }: {
  summary?: ContactSummary | undefined;
  session: WebSession; contact: ContactWithDecisions; etag: string; form: FormValues; errors: FieldErrors; stale?: boolean;
}) {
  return (
    <Layout title={`Review: ${childrenInWords(summary)}`} session={session} hasErrors={Object.keys(errors).length > 0}>
      <span class="govuk-caption-l">{childrenInWords(summary)}</span>
      <h1 class="govuk-heading-l">Review the decision</h1>
      <p class="govuk-body-s">{contactDetails(summary)} · contact {contact.id}</p>
      {stale ? (
        // biome-ignore lint/a11y/useSemanticElements: the GOV.UK Design System notification banner, as its markup is published
        <div class="govuk-notification-banner" role="region" aria-labelledby="stale-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="stale-title">Important</h2></div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">Someone else acted on this contact while you were reading it. Nothing you entered was saved; this page now shows the contact as it stands.</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <p class="govuk-body"><PriorityTag priority={contact.triage.priority} /> Status: {statusWords(contact.status)}</p>
      {contact.triage.route && contact.triage.urgency ? <p class="govuk-body">Suggested response: <strong>{responseLabel(contact.triage.route, contact.triage.urgency)}</strong></p> : null}
      <ReviewPrompts contact={contact} />
      <DecisionHistory contact={contact} />
      <p class="govuk-body"><a class="govuk-link" href={`/contacts/${contact.id}`}>Read the full triage and every rule</a> · <a class="govuk-link" href={`/contacts/${contact.id}/trail`}>Trail</a></p>
      {contact.status === 'awaiting_review' ? (
        <form method="post" action={`/reviews/${contact.id}`} novalidate>
          <input type="hidden" name="csrf" value={session.csrf} />
          <input type="hidden" name="etag" value={etag} />
          <div class={`govuk-form-group${errors.verdict ? ' govuk-form-group--error' : ''}`}>
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Your verdict</legend>
              {errors.verdict ? <p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {errors.verdict}</p> : null}
              <div class="govuk-radios" data-module="govuk-radios">
                {([['endorse', 'Endorse the screener’s decision'], ['overturn', 'Overturn it with another outcome'], ['return', 'Return it to the screener to decide again']] as const).map(([v, label], i) => (
                  <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id={i === 0 ? 'verdict' : `verdict-${v}`} name="verdict" type="radio" value={v} checked={value(form, 'verdict') === v} />
                    <label class="govuk-label govuk-radios__label" for={i === 0 ? 'verdict' : `verdict-${v}`}>{label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <Select id="outcome" name="outcome" label="New outcome (only if you overturn)" blank="Keep the screener’s outcome" options={OUTCOME_OPTIONS} value={value(form, 'outcome')} error={errors.outcome} />
          <Textarea id="rationale" name="rationale" label="Your reasons" hint={REASONS_RULE} rows={4} value={value(form, 'rationale')} error={errors.rationale} />
          <button type="submit" class="govuk-button" data-module="govuk-button">Record review</button>
        </form>
      ) : null}
    </Layout>
  );
}
