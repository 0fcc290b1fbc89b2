import { TextInput, type FieldErrors } from '../components.js';
import { DateInput, Radios, YesNo, type Option } from '../choices.js';
import { value, values, type FormValues } from '../form-values.js';

/** A record-a-contact field named by its path in the API body, with its value and its error. */
export interface FormState { form: FormValues; errors: FieldErrors }

export const idOf = (name: string) => name.replace(/\./g, '-');
export const yn = (form: FormValues, name: string) => ({ yes: true, no: false } as Record<string, boolean>)[value(form, name)] ?? null;
export const dateParts = (form: FormValues, name: string) => ({ day: value(form, `${name}.day`), month: value(form, `${name}.month`), year: value(form, `${name}.year`) });

interface Field { f: FormState; name: string; label: string; hint?: string }

export function Text({ f, name, label, hint, width }: Field & { width?: string }) {
  return <TextInput id={idOf(name)} name={name} label={label} hint={hint} width={width} value={value(f.form, name)} error={f.errors[idOf(name)]} />;
}

/** A count: digits only, checked by the API's schema (0 to 1000). */
export function Count({ f, name, label, hint }: Field) {
  return <TextInput id={idOf(name)} name={name} label={label} hint={hint} width="3" inputmode="numeric" value={value(f.form, name)} error={f.errors[idOf(name)]} />;
}

export function Yn({ f, name, label, hint }: Field) {
  return <YesNo id={idOf(name)} name={name} label={label} hint={hint} value={yn(f.form, name)} error={f.errors[idOf(name)]} />;
}

/**
 * The boxes of a group that are ticked, by key: boxes of the group's own name,
 * and boxes that stand for a field of their own (`fields`, key → field name).
 */
export function ticked(form: FormValues, group: string, fields: Record<string, string> = {}): string[] {
  return [...values(form, group), ...Object.entries(fields).filter(([, name]) => value(form, name) === 'yes').map(([key]) => key)];
}

export function OneOf({ f, name, label, hint, options, inline }: Field & { options: readonly Option[]; inline?: boolean }) {
  return <Radios id={idOf(name)} name={name} label={label} hint={hint} options={options} inline={inline ?? false} value={value(f.form, name)} error={f.errors[idOf(name)]} />;
}

export function DateField({ f, name, label, hint }: Field) {
  return <DateInput id={idOf(name)} name={name} label={label} hint={hint} value={dateParts(f.form, name)} error={f.errors[idOf(name)]} />;
}
