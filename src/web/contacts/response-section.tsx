import type { ContactView } from '../../domain/contacts/contact-view.js';
import type { ResponseStep } from '../../rules/response/decide-response.js';
import { responseLabel, routeLabel, urgencyLabel } from '../labels.js';

const STEP_HEADING: Record<ResponseStep['step'], string> = { route: 'Route', urgency: 'Urgency', modifier: 'Urgency moved', floor: 'Minimum applied' };

/** What a modifier or floor moved, in words: an urgency, or "route, urgency". */
function moved(step: ResponseStep): string | null {
  if (!step.from || !step.to) return null;
  const words = (value: string) => {
    const [first, second] = value.split(', ');
    return second ? `${routeLabel(first)}, ${urgencyLabel(second).toLowerCase()}` : urgencyLabel(first).toLowerCase();
  };
  return `From ${words(step.from)} to ${words(step.to)}.`;
}

/** The route and urgency the triage suggests, with the reason for each step, at the top of the triage. */
export function SuggestedResponse({ triage }: { triage: ContactView['triage'] }) {
  if (!triage.route || !triage.urgency) return null;
  const steps = triage.response as ResponseStep[];
  return (
    <div class="govuk-summary-card app-response" id="suggested-response">
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">Suggested response: {responseLabel(triage.route, triage.urgency)}</h2>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          {steps.map((step) => (
            <div class="govuk-summary-list__row" id={`step-${step.id}`}>
              <dt class="govuk-summary-list__key">{STEP_HEADING[step.step]}</dt>
              <dd class="govuk-summary-list__value">{step.reason} {moved(step) ? <span class="govuk-body-s">{moved(step)}</span> : null}</dd>
            </div>
          ))}
        </dl>
        <p class="govuk-body-s">A suggestion: you decide, and may change the route or urgency with your reasons; a change goes to a manager.</p>
      </div>
    </div>
  );
}
