import type { Child } from 'hono/jsx';
import type { Prompt } from '../rules/evaluate.js';
import { REFERRAL_SOURCES } from '../schemas/codes.js';
import { IndicatorTag, Select, SummaryList, Textarea, type FieldErrors } from './components.js';
import type { FormValues } from './form-values.js';
import { value } from './form-values.js';
import { OUTCOME_OPTIONS, ROUTE_OPTIONS, URGENCY_OPTIONS } from './second-opinion-labels.js';
import { listReasons } from './prompt-reasons.js';

interface ContactBody {
  narrative?: string;
  receivedAt?: string;
  referrer?: { source?: string; role?: string; organisation?: string };
  children?: { givenName?: string; ageMonths?: number | null; unborn?: boolean; dateOfBirth?: string }[];
  concerns?: string[];
}

/** What a screener reads of a contact to judge it: who referred, the children, the concerns and the account. */
export function ContactAccount({ contact, narrative, heading = 'The contact' }: { contact: ContactBody; narrative?: string; heading?: string }) {
  const source = contact.referrer?.source as keyof typeof REFERRAL_SOURCES | undefined;
  return (
    <>
      <h2 class="govuk-heading-m">{heading}</h2>
      <SummaryList rows={[
        ['Referred by', [source ? REFERRAL_SOURCES[source] : 'Not known', contact.referrer?.role, contact.referrer?.organisation].filter(Boolean).join(', ')],
        ['Children', (contact.children ?? []).map((c) => `${c.givenName ?? 'Not named'}${c.unborn ? ' (unborn)' : c.ageMonths != null ? ` (${c.ageMonths} months)` : c.dateOfBirth ? ` (born ${c.dateOfBirth})` : ''}`).join(', ') || 'None named'],
        ['Concerns', (contact.concerns ?? []).join(', ') || 'None coded'],
      ]} />
      <div class="govuk-inset-text app-narrative">{narrative ?? contact.narrative ?? 'No account recorded.'}</div>
    </>
  );
}

/** The triage's prompts, most serious first, each with its reasons, each sentence said once on the page. */
export function PromptList({ prompts, heading = 'What the triage prompts' }: { prompts: Prompt[]; heading?: string }) {
  const reasons = listReasons(prompts);
  return (
    <>
      <h2 class="govuk-heading-m">{heading}</h2>
      {prompts.length === 0 ? <p class="govuk-body">No rule raised a prompt.</p> : (
        <ul class="govuk-list">
          {prompts.map((p) => (
            <li class={`app-prompt app-prompt--${p.indicator} app-prompt-item`}>
              <p class="govuk-body govuk-!-margin-bottom-1"><IndicatorTag indicator={p.indicator} /> <strong>{p.summary}</strong></p>
              <p class="govuk-body-s">{reasons.get(p.action) ?? p.detail}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Outcome, route and urgency, and the reasons: what a second screen or a practice answer records. */
export function JudgementFields({ form, errors, rationaleLabel = 'Your reasons', rationaleHint }: { form: FormValues; errors: FieldErrors; rationaleLabel?: string; rationaleHint?: string }) {
  return (
    <>
      <Select id="outcome" name="outcome" label="Outcome" blank="Choose an outcome" options={OUTCOME_OPTIONS} value={value(form, 'outcome')} error={errors.outcome} />
      <Select id="route" name="route" label="Route" blank="Choose a route" options={ROUTE_OPTIONS} value={value(form, 'route')} error={errors.route} />
      <Select id="urgency" name="urgency" label="Urgency" blank="Choose how soon" options={URGENCY_OPTIONS} value={value(form, 'urgency')} error={errors.urgency} />
      <Textarea id="rationale" name="rationale" label={rationaleLabel} {...(rationaleHint ? { hint: rationaleHint } : {})} rows={4} value={value(form, 'rationale')} error={errors.rationale} />
    </>
  );
}

export function CsrfField({ csrf }: { csrf: string }) {
  return <input type="hidden" name="csrf" value={csrf} />;
}

export function SmallNumberTag({ show }: { show: boolean }): Child {
  return show ? <strong class="govuk-tag govuk-tag--grey app-small">small number</strong> : null;
}
