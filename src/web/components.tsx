import type { Child } from 'hono/jsx';

/** GOV.UK Design System components, as server-rendered Hono JSX. */
export type FieldErrors = Record<string, string>;

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {entries.map(([id, message]) => <li><a href={`#${id}`}>{message}</a></li>)}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message?: string | undefined }) {
  return message ? <p id={`${id}-error`} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {message}</p> : null;
}

export interface FieldProps { id: string; name: string; label: string; hint?: string; error?: string | undefined }

export const describedBy = (p: FieldProps) => [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextInput(p: FieldProps & { value?: string | undefined; width?: string; type?: string; autocomplete?: string; inputmode?: 'numeric' }) {
  return (
    <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={p.id}>{p.label}</label>
      {p.hint ? <div id={`${p.id}-hint`} class="govuk-hint">{p.hint}</div> : null}
      <ErrorMessage id={p.id} message={p.error} />
      <input class={`govuk-input${p.width ? ` govuk-input--width-${p.width}` : ''}${p.error ? ' govuk-input--error' : ''}`}
        id={p.id} name={p.name} type={p.type ?? 'text'} inputmode={p.inputmode} value={p.value ?? ''} aria-describedby={describedBy(p)} autocomplete={p.autocomplete ?? 'off'} spellcheck={false} />
    </div>
  );
}

export function Textarea(p: FieldProps & { value?: string | undefined; rows?: number }) {
  return (
    <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label govuk-label--s" for={p.id}>{p.label}</label>
      {p.hint ? <div id={`${p.id}-hint`} class="govuk-hint">{p.hint}</div> : null}
      <ErrorMessage id={p.id} message={p.error} />
      <textarea class={`govuk-textarea${p.error ? ' govuk-textarea--error' : ''}`} id={p.id} name={p.name} rows={p.rows ?? 5} aria-describedby={describedBy(p)}>{p.value ?? ''}</textarea>
    </div>
  );
}

export function Select(p: FieldProps & { value?: string | undefined; options: [string, string][]; blank?: string }) {
  return (
    <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={p.id}>{p.label}</label>
      {p.hint ? <div id={`${p.id}-hint`} class="govuk-hint">{p.hint}</div> : null}
      <ErrorMessage id={p.id} message={p.error} />
      <select class={`govuk-select${p.error ? ' govuk-select--error' : ''}`} id={p.id} name={p.name} aria-describedby={describedBy(p)}>
        <option value="">{p.blank ?? 'Not known'}</option>
        {p.options.map(([value, label]) => <option value={value} selected={p.value === value}>{label}</option>)}
      </select>
    </div>
  );
}

/** A form group whose question is a fieldset: radios and checkboxes share it. */
export function FieldsetGroup({ p, children }: { p: FieldProps; children: Child }) {
  return (
    <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(p)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.label}</legend>
        {p.hint ? <div id={`${p.id}-hint`} class="govuk-hint">{p.hint}</div> : null}
        <ErrorMessage id={p.id} message={p.error} />
        {children}
      </fieldset>
    </div>
  );
}

const PRIORITY_TAG: Record<string, [string, string]> = {
  red: ['govuk-tag--red', 'Red: act today'],
  amber: ['govuk-tag--orange', 'Amber: decide within one working day'],
  green: ['govuk-tag--green', 'Green: no statutory action indicated'],
};

export function PriorityTag({ priority }: { priority: string }) {
  const [cls, label] = PRIORITY_TAG[priority] ?? ['govuk-tag--grey', priority];
  return <strong class={`govuk-tag ${cls}`}>{label}</strong>;
}

const INDICATOR_TAG: Record<string, string> = { critical: 'govuk-tag--red', warning: 'govuk-tag--orange', info: 'govuk-tag--blue' };

export function IndicatorTag({ indicator }: { indicator: string }) {
  return <strong class={`govuk-tag ${INDICATOR_TAG[indicator] ?? 'govuk-tag--grey'}`}>{indicator}</strong>;
}

export function SummaryList({ rows }: { rows: [string, Child][] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const formatInstant = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }) : '—';
