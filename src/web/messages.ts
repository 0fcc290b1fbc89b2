import type { FieldError } from '../domain/errors.js';
import { MIN_RATIONALE_CHARS, MIN_RATIONALE_WORDS } from '../schemas/decision.schema.js';
import type { FieldErrors } from './components.js';

/**
 * Every error a page shows, in the words of the question it belongs to. The
 * API's problem fields (path and schema message) are the input, so the pages
 * and the API judge the same thing; only the wording is the page's. A schema's
 * own internals (option lists, types, "received NaN") never reach the page.
 */
export interface Question {
  /** What the person gives, as a phrase after "Select" or "Enter": "who the referrer is". */
  what: string;
  /** How it is answered: chosen from options, typed in, or a yes or no. */
  kind: 'choose' | 'enter' | 'yesno' | 'date' | 'reasons';
  /** For a date typed in one box: how to write it. */
  example?: string;
}

/** The one rule for reasons, said the same way to screeners and managers. */
export const REASONS_RULE = `Write at least ${MIN_RATIONALE_CHARS} characters and ${MIN_RATIONALE_WORDS} different words: what you weighed, so that a reviewer can follow it`;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function inWords(q: Question, message: string): string {
  const what = q.what;
  if (q.kind === 'reasons' && /reasoning|characters|words|too small|received undefined/i.test(message)) return REASONS_RULE;
  const max = /(?:expected (?:number|string|array) to (?:be|have)) <=\s*(\d+)/.exec(message);
  if (max) return /string/.test(message) ? `${capital(what)} must be ${max[1]} characters or fewer` : `${capital(what)} must be ${max[1]} or fewer`;
  if (/received NaN|expected number|expected int/i.test(message)) return `Enter ${what} as a whole number, like 3`;
  const min = /expected number to be >=?\s*(\d+)/.exec(message);
  if (min) return `${capital(what)} must be ${min[1]} or more`;
  if (/^is before/.test(message)) return `${capital(what)} must be the same as or after the start date`;
  if (q.example && q.kind === 'date') return `Enter ${what} as a date like ${q.example}`;
  if (q.kind === 'date' || /YYYY-MM-DD|calendar date|ISO date|invalid date/i.test(message)) {
    return /received undefined|required/i.test(message) ? `Enter ${what}` : `${capital(what)} must be a real date`;
  }
  if (q.kind === 'reasons' && /say why/.test(message)) return `Give ${what}`;
  if (q.kind === 'choose') return `Select ${what}`;
  if (q.kind === 'yesno' || /expected boolean/.test(message)) return `Select yes or no: ${what}`;
  if (/invalid option|expected one of|invalid enum|does not match any allowed form/i.test(message)) return `Select ${what}`;
  if (/received undefined|required|expected string|too small|>=\s*1 |expected array/i.test(message)) return `Enter ${what}`;
  // Messages the domain writes itself are already words ("must be after the date of birth").
  const own = message.replace(/:?\s*expected one of .*$/i, '').trim();
  return /^[a-z]/.test(own) ? `${capital(what)} ${own.startsWith('must') || own.startsWith('is ') ? own : `: ${own}`}`.replace(' : ', ': ') : own || `Check ${what}`;
}

/** API errors to a page's fields: the first segment of each path names the field; the first error for a field wins. */
export function fieldErrorsInWords(errors: readonly FieldError[], questions: Record<string, Question>, fallback: string): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of errors) {
    const key = path.split('/').filter(Boolean)[0] ?? fallback;
    const id = questions[key] ? key : fallback;
    out[id] ??= inWords(questions[key] ?? questions[fallback] ?? { what: 'this answer', kind: 'enter' }, message);
  }
  return out;
}
