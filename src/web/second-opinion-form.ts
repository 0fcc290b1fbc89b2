import type { FieldError } from '../domain/errors.js';
import type { FieldErrors } from './components.js';
import { value, type FormValues } from './form-values.js';
import { fieldErrorsInWords, type Question } from './messages.js';
import { PERIOD } from './period-questions.js';
import type { WebContext } from './session.js';

const QUESTIONS: Record<string, Question> = {
  outcome: { what: 'the outcome', kind: 'choose' }, route: { what: 'the route', kind: 'choose' }, urgency: { what: 'the urgency', kind: 'choose' },
  rationale: { what: 'your reasons', kind: 'reasons' }, standing: { what: 'which decision stands', kind: 'choose' },
  teamId: { what: 'the team', kind: 'choose' }, title: { what: 'a title for the exercise', kind: 'enter' },
  practiceContactIds: { what: 'at least one practice contact', kind: 'choose' }, showTriage: { what: 'whether to show the triage', kind: 'choose' },
  name: { what: 'the team’s name', kind: 'enter' }, screeners: { what: 'the screeners’ user ids', kind: 'enter' }, managers: { what: 'the managers’ user ids', kind: 'enter' },
  ...PERIOD,
};

/** `/practiceContactIds/1` → `practiceContactIds`: the form field an error belongs to, with its message in words. */
export const fieldErrors = (errors: readonly FieldError[]): FieldErrors => fieldErrorsInWords(errors, QUESTIONS, 'rationale');

export const readForm = async (c: WebContext) => (await c.req.parseBody({ all: true })) as FormValues;
export const optional = (f: FormValues, name: string) => value(f, name) || undefined;
export const subs = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
