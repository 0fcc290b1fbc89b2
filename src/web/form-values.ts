/** The submitted form: every field by its name, repeated fields (checkboxes) as lists. */
export type FormValues = Record<string, string | string[]>;

export const MAX_FORM_CHILDREN = 20;
export const MAX_FORM_ADULTS = 20;

export function value(form: FormValues, name: string): string {
  const v = form[name];
  return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
}

export function values(form: FormValues, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
}

export function count(form: FormValues, name: string, max: number): number {
  const n = Number.parseInt(value(form, name), 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), max) : 1;
}
