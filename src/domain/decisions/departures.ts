import type { Indicator, Priority, PromptAction } from '../../schemas/codes.js';
import { NO_ACTION_OUTCOMES, type DecisionInput, type Outcome } from '../../schemas/decision.schema.js';
import type { FieldError } from '../errors.js';

export interface TriagePrompt { action: PromptAction; indicator: Indicator; raisedBy: string[] }

export interface StoredPromptResponse {
  action: PromptAction;
  indicator: Indicator;
  response: 'accepted' | 'declined' | 'done';
  reason: string | null;
  raisedBy: string[];
}

export type Departure =
  | { kind: 'declined_critical_prompt'; action: PromptAction; raisedBy: string[] }
  | { kind: 'nfa_on_red' | 'nfa_on_amber'; outcome: Outcome; priority: Priority }
  | { kind: 'nfa_without_manager_signoff'; outcome: Outcome; action: 'manager_signoff_before_nfa'; raisedBy: string[] };

/**
 * Matches the screener's responses to the triage's prompts: every critical
 * and warning prompt answered, nothing answered that was not prompted.
 * Returns the problems (as JSON pointers) and the responses as stored.
 */
export function matchResponses(prompts: readonly TriagePrompt[], responses: DecisionInput['promptResponses']) {
  const errors: FieldError[] = [];
  const byAction = new Map(prompts.map((p) => [p.action, p]));
  const answered = new Set(responses.map((r) => r.action));
  for (const prompt of prompts) {
    if (prompt.indicator !== 'info' && !answered.has(prompt.action)) {
      errors.push({ path: '/promptResponses', message: `no response to the ${prompt.indicator} prompt ${prompt.action}` });
    }
  }
  const stored: StoredPromptResponse[] = [];
  responses.forEach((r, i) => {
    const prompt = byAction.get(r.action);
    if (!prompt) {
      errors.push({ path: `/promptResponses/${i}/action`, message: `${r.action} was not prompted by this contact’s triage` });
      return;
    }
    stored.push({ action: r.action, indicator: prompt.indicator, response: r.response, reason: r.reason ?? null, raisedBy: prompt.raisedBy });
  });
  return { errors, stored };
}

/** Every way the decision departs from the triage; any one of them needs a manager's review. */
export function findDepartures(priority: Priority, prompts: readonly TriagePrompt[], stored: readonly StoredPromptResponse[], outcome: Outcome): Departure[] {
  const departures: Departure[] = stored
    .filter((r) => r.indicator === 'critical' && r.response === 'declined')
    .map((r) => ({ kind: 'declined_critical_prompt', action: r.action, raisedBy: r.raisedBy }));
  if (!NO_ACTION_OUTCOMES.includes(outcome)) return departures;
  if (priority === 'red') departures.push({ kind: 'nfa_on_red', outcome, priority });
  if (priority === 'amber') departures.push({ kind: 'nfa_on_amber', outcome, priority });
  const signoff = prompts.find((p) => p.action === 'manager_signoff_before_nfa');
  if (signoff) departures.push({ kind: 'nfa_without_manager_signoff', outcome, action: 'manager_signoff_before_nfa', raisedBy: signoff.raisedBy });
  return departures;
}
