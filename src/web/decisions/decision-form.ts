import type { FieldError } from '../../domain/errors.js';
import type { Prompt } from '../../rules/evaluate.js';
import { NO_ACTION_OUTCOMES, type Outcome } from '../../schemas/decision.schema.js';
import type { FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';

export const OUTCOME_OPTIONS: [string, string][] = [
  ['immediate_protection', 'Immediate protection'], ['strategy_discussion', 'Strategy discussion (s47)'],
  ['assessment_s17', 'Child and family assessment (s17)'], ['pre_birth_assessment', 'Pre-birth assessment'],
  ['pass_to_allocated_worker', 'Pass to the allocated worker'], ['cp_transfer_in', 'Child protection transfer-in'],
  ['early_help', 'Early help'], ['information_advice', 'Information and advice'], ['nfa', 'No further action'], ['other', 'Other'],
];

/** The prompts the form offers for a response: every critical and warning prompt (guard prompts among them). */
export const promptsToAnswer = (prompts: readonly Prompt[]) => prompts.filter((p) => p.indicator !== 'info');

/** Those a decision with this outcome must answer: guard prompts only before no further action or information and advice. */
export const promptsNeeded = (prompts: readonly Prompt[], guards: readonly string[], outcome: string) =>
  promptsToAnswer(prompts).filter((p) => !guards.includes(p.action) || NO_ACTION_OUTCOMES.includes(outcome as Outcome));

const yesNo = (form: FormValues, name: string) => ({ yes: true, no: false } as Record<string, boolean>)[value(form, name)];
const text = (form: FormValues, name: string) => value(form, name) || undefined;

/** The decision form as the API's decision body; the API's schema and the verb judge it. */
export function decisionFromForm(form: FormValues, prompts: readonly Prompt[]) {
  const answered = promptsToAnswer(prompts).filter((p) => value(form, `response.${p.action}`));
  return {
    body: {
      outcome: text(form, 'outcome'),
      rationale: value(form, 'rationale'),
      promptResponses: answered.map((p) => ({
        action: p.action,
        response: value(form, `response.${p.action}`),
        ...(text(form, `reason.${p.action}`) ? { reason: text(form, `reason.${p.action}`) } : {}),
      })),
      overrideReason: text(form, 'overrideReason'),
      childSeen: yesNo(form, 'childSeen'),
      childSpokenTo: yesNo(form, 'childSpokenTo'),
      // The form starts on the suggestion, so sending it unchanged is no change.
      route: text(form, 'route'),
      urgency: text(form, 'urgency'),
      routeChangeReason: text(form, 'routeChangeReason'),
    },
    answeredActions: answered.map((p) => p.action),
  };
}

/** API field paths back to the form's fields. */
export function decisionErrors(errors: FieldError[], answeredActions: readonly string[], needed: readonly Prompt[]): FieldErrors {
  const out: FieldErrors = {};
  // A missing response is reported once per needed prompt left unanswered, in the triage's order.
  const unanswered = needed.filter((p) => !answeredActions.includes(p.action));
  for (const { path, message } of errors) {
    const parts = path.split('/').filter(Boolean);
    let id = parts[0] ?? 'outcome';
    if (parts[0] === 'promptResponses') {
      const action = parts[1] !== undefined ? answeredActions[Number(parts[1])] : unanswered[0]?.action;
      id = parts[2] === 'reason' ? `reason-${action}` : `response-${action}`;
      if (parts[1] === undefined) unanswered.shift();
    }
    out[id] ??= `${LABELS[parts[0] ?? ''] ?? 'Decision'}: ${message}`;
  }
  return out;
}

const LABELS: Record<string, string> = {
  outcome: 'Outcome', rationale: 'Reasons', promptResponses: 'Prompt', overrideReason: 'Why the decision departs from the prompts',
  childSeen: 'Child seen', childSpokenTo: 'Child spoken to', route: 'Route', urgency: 'Urgency', routeChangeReason: 'Why you changed the route or urgency',
};
