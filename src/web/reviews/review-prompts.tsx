import type { StoredPromptResponse } from '../../domain/decisions/departures.js';
import type { Prompt } from '../../rules/evaluate.js';
import { IndicatorTag } from '../components.js';
import type { ContactWithDecisions } from '../decisions/decision-section.js';

/**
 * What the triage prompted, each prompt the screener declined in the decision
 * under review marked as such with the screener's reason: what a manager reads first.
 */
export function ReviewPrompts({ contact }: { contact: ContactWithDecisions }) {
  const prompts = contact.triage.prompts as Prompt[];
  const latest = contact.decisions.at(-1);
  const declined = new Map(((latest?.promptResponses ?? []) as StoredPromptResponse[]).filter((r) => r.response === 'declined').map((r) => [r.action, r.reason]));
  return (
    <>
      <h2 class="govuk-heading-m">What the triage prompted</h2>
      {declined.size > 0 ? <p class="govuk-body">The screener declined {declined.size === 1 ? 'one prompt' : `${declined.size} prompts`}, marked below with their reasons.</p> : null}
      <ul class="govuk-list">
        {prompts.map((p) => {
          const reason = declined.get(p.action);
          return declined.has(p.action) ? (
            <li id={`prompt-${p.action}`} class="app-prompt-item app-prompt--declined">
              <IndicatorTag indicator={p.indicator} /> {p.summary} <strong class="govuk-tag govuk-tag--red app-declined-tag">Declined by the screener</strong>
              <p class="govuk-body app-declined-reason"><span class="govuk-!-font-weight-bold">Screener’s reason:</span> {reason ?? 'none given'}</p>
            </li>
          ) : <li id={`prompt-${p.action}`}><IndicatorTag indicator={p.indicator} /> {p.summary}</li>;
        })}
      </ul>
    </>
  );
}
