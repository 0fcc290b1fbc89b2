import type { FieldError } from '../../domain/errors.js';
import type { Prompt } from '../../rules/evaluate.js';
import { NO_ACTION_OUTCOMES, type Outcome } from '../../schemas/decision.schema.js';
import type { FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { fieldErrorsInWords, type Question } from '../messages.js';

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

const QUESTIONS: Record<string, Question> = {
  outcome: { what: 'the outcome', kind: 'choose' }, rationale: { what: 'your reasons', kind: 'reasons' },
  overrideReason: { what: 'why the decision departs from the prompts', kind: 'choose' },
  childSeen: { what: 'has the child been seen?', kind: 'yesno' }, childSpokenTo: { what: 'has the child been spoken to?', kind: 'yesno' },
  route: { what: 'the route', kind: 'choose' }, urgency: { what: 'the urgency', kind: 'choose' },
  routeChangeReason: { what: 'why you changed the route or urgency', kind: 'reasons' },
};

/**
 * API field paths back to the form's fields, in words, with every prompt the
 * outcome needs and that has no response named by its title, so the first
 * submit shows every error at once.
 */
export function decisionErrors(errors: readonly FieldError[], answeredActions: readonly string[], needed: readonly Prompt[], prompts: readonly Prompt[]): FieldErrors {
  const out: FieldErrors = {};
  const title = (action: string | undefined) => prompts.find((p) => p.action === action)?.summary ?? 'this prompt';
  for (const p of needed) {
    if (!answeredActions.includes(p.action)) out[`response-${p.action}`] = `Select accept, done already or decline for “${p.summary}”`;
  }
  for (const { path, message } of errors) {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'promptResponses') {
      for (const [id, words] of Object.entries(fieldErrorsInWords([{ path, message }], QUESTIONS, 'outcome'))) out[id] ??= words;
      continue;
    }
    if (parts[1] === undefined) continue; // an unanswered prompt: named above
    const action = answeredActions[Number(parts[1])];
    if (parts[2] === 'reason') out[`reason-${action}`] ??= `Give the reason for declining “${title(action)}”`;
    else out[`response-${action}`] ??= `Select accept, done already or decline for “${title(action)}”`;
  }
  return out;
}
