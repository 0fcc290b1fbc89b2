import { value, values, type FormValues } from '../form-values.js';

/** Reading one field of the submitted form in the shape the API's contact schema takes. */
export const text = (form: FormValues, name: string) => value(form, name) || undefined;
export const yesNo = (form: FormValues, name: string) => ({ yes: true, no: false } as Record<string, boolean>)[value(form, name)];
/** Ticked boxes as true; boxes that only reveal questions are left out. */
export const flags = (form: FormValues, name: string, revealOnly: readonly string[] = []) =>
  Object.fromEntries(values(form, name).filter((k) => !revealOnly.includes(k)).map((k) => [k, true]));
/** A count as a number; anything else is passed on as typed, for the API's schema to refuse with a message. */
export const whole = (form: FormValues, name: string): number | string | undefined => {
  const v = value(form, name).replace(/[,\s]/g, '');
  if (!v) return undefined;
  return /^\d{1,6}$/.test(v) ? Number(v) : value(form, name);
};
/** A section of the contact, or nothing when none of its questions was answered. */
export const section = <T extends Record<string, unknown>>(record: T): T | undefined => {
  const pruned = prune(record);
  return Object.keys(pruned).length ? pruned : undefined;
};

export function dateFrom(form: FormValues, name: string): string | undefined {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => value(form, `${name}.${p}`));
  if (!d && !m && !y) return undefined;
  return `${(y ?? '').padStart(4, '0')}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

export function prune<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The adults the quick answer "who does the child live with" names, each as
 * living with the child, merged with the adults described one by one: a
 * mother named in both is one adult.
 */
export function withHousehold(roles: readonly string[], described: Record<string, unknown>[]): Record<string, unknown>[] {
  const rest = [...described];
  const household = roles.map((role) => {
    const i = rest.findIndex((a) => a.role === role);
    const same = i >= 0 ? rest.splice(i, 1)[0] : undefined;
    return { role, ...same, livesWithChild: true };
  });
  return [...household, ...rest];
}
