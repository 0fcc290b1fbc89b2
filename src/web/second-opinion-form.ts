import type { FieldError } from '../domain/errors.js';
import type { FieldErrors } from './components.js';
import { value, type FormValues } from './form-values.js';
import type { WebContext } from './session.js';

/** `/practiceContactIds/1` → `practiceContactIds`: the form field an error belongs to, with its message. */
export function fieldErrors(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = e.path.split('/')[1] || 'form';
    out[key] ??= `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${e.message}`;
  }
  return out;
}

export const readForm = async (c: WebContext) => (await c.req.parseBody({ all: true })) as FormValues;
export const optional = (f: FormValues, name: string) => value(f, name) || undefined;
export const subs = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
