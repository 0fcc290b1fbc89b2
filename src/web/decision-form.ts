import type { FieldError } from '../domain/errors.js';
import type { Prompt } from '../rules/evaluate.js';
import type { FieldErrors } from './components.js';
import { value, type FormValues } from './contact-form.js';

export const OUTCOME_OPTIONS: [string, string][] = [
  ['immediate_protection', 'Immediate protection'], ['strategy_discussion', 'Strategy discussion (s47)'],
  ['assessment_s17', 'Child and family assessment (s17)'], ['pre_birth_assessment', 'Pre-birth assessment'],
  ['pass_to_allocated_worker', 'Pass to the allocated worker'], ['cp_transfer_in', 'Child protection transfer-in'],
  ['early_help', 'Early help'], ['information_advice', 'Information and advice'], ['nfa', 'No further action'], ['other', 'Other'],
];

/** The prompts a decision must answer: every critical and warning prompt. */
export const promptsToAnswer = (prompts: readonly Prompt[]) => prompts.filter((p) => p.indicator !== 'info');

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
    },
    answeredActions: answered.map((p) => p.action),
  };
}

/** API field paths back to the form's fields. */
export function decisionErrors(errors: FieldError[], answeredActions: readonly string[], prompts: readonly Prompt[]): FieldErrors {
  const out: FieldErrors = {};
  const unanswered = promptsToAnswer(prompts).filter((p) => !answeredActions.includes(p.action));
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
  childSeen: 'Child seen', childSpokenTo: 'Child spoken to',
};
