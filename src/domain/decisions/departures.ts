import { ROUTE_RANK, urgencyRank } from '../../rules/response/decide-response.js';
import type { Indicator, Priority, PromptAction, Route, Urgency } from '../../schemas/codes.js';
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

/** Across: between routes that do as much as each other (an s17 assessment and s20 accommodation). */
export type Direction = 'raised' | 'lowered' | 'across';

export type Departure =
  | { kind: 'declined_critical_prompt'; action: PromptAction; raisedBy: string[] }
  | { kind: 'nfa_on_red' | 'nfa_on_amber'; outcome: Outcome; priority: Priority }
  | { kind: 'nfa_without_manager_signoff'; outcome: Outcome; action: 'manager_signoff_before_nfa'; raisedBy: string[] }
  | { kind: 'route_changed'; from: Route; to: Route; direction: Direction }
  | { kind: 'urgency_changed'; from: Urgency; to: Urgency; direction: Direction };

export type ResponseChange = Extract<Departure, { kind: 'route_changed' | 'urgency_changed' }>;

/** What the decision needs to know of the triage's prompts: which stand only against closing the door. */
export interface ResponseRule {
  outcome: Outcome;
  /** Prompts that need a response only when the outcome is no further action or information and advice. */
  guards: readonly PromptAction[];
}

/**
 * Matches the screener's responses to the triage's prompts: every critical
 * and warning prompt answered (a guard prompt only when the outcome closes
 * the door), nothing answered that was not prompted. Returns the problems
 * (as JSON pointers) and the responses as stored.
 */
export function matchResponses(prompts: readonly TriagePrompt[], responses: DecisionInput['promptResponses'], rule: ResponseRule) {
  const errors: FieldError[] = [];
  const byAction = new Map(prompts.map((p) => [p.action, p]));
  const answered = new Set(responses.map((r) => r.action));
  const closing = NO_ACTION_OUTCOMES.includes(rule.outcome);
  for (const prompt of prompts) {
    if (prompt.indicator === 'info' || answered.has(prompt.action)) continue;
    const guard = rule.guards.includes(prompt.action);
    if (!guard) errors.push({ path: '/promptResponses', message: `no response to the ${prompt.indicator} prompt ${prompt.action}` });
    else if (closing) errors.push({ path: '/promptResponses', message: `no response to the ${prompt.indicator} prompt ${prompt.action}, which must be answered before ${rule.outcome}` });
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

/** Every way the decision departs from the triage's prompts and priority; any one of them needs a manager's review. */
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

const direction = (delta: number): Direction => (delta > 0 ? 'raised' : delta < 0 ? 'lowered' : 'across');

/**
 * A screener's change of the suggested route or urgency: each is a
 * departure, raised or lowered, since the suggestion is the triage's word
 * and a manager sees every time it is not followed.
 */
export function responseChanges(suggested: { route: Route; urgency: Urgency }, final: { route: Route; urgency: Urgency }): ResponseChange[] {
  const departures: ResponseChange[] = [];
  if (final.route !== suggested.route) {
    departures.push({ kind: 'route_changed', from: suggested.route, to: final.route, direction: direction(ROUTE_RANK[final.route] - ROUTE_RANK[suggested.route]) });
  }
  if (final.urgency !== suggested.urgency) {
    // Rank 0 is the most urgent, so a lower rank raises the urgency.
    departures.push({ kind: 'urgency_changed', from: suggested.urgency, to: final.urgency, direction: direction(urgencyRank(suggested.urgency) - urgencyRank(final.urgency)) });
  }
  return departures;
}
