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

function ErrorMessage({ id, message }: { id: string; message?: string | undefined }) {
  return message ? <p id={`${id}-error`} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {message}</p> : null;
}

interface FieldProps { id: string; name: string; label: string; hint?: string; error?: string | undefined }

const describedBy = (p: FieldProps) => [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

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
function FieldsetGroup({ p, children }: { p: FieldProps; children: Child }) {
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

/**
 * Questions revealed under a ticked box (the GOV.UK conditional reveal):
 * govuk-frontend's script hides them while the box is unticked; without
 * JavaScript they simply show. Only checkboxes reveal: on radios the script
 * sets aria-expanded, which ARIA does not allow on a radio (govuk-frontend
 * issue 979), so a question with a reveal is asked as a box to tick.
 */
export type Reveals = Record<string, Child>;

/** One choice of radios or checkboxes: value, label, and a hint under the label. */
export type Option = readonly [string, string] | readonly [string, string, string];

function Choice({ kind, id, name, value, option, checked, reveal }: {
  kind: 'radios' | 'checkboxes'; id: string; name: string; value: string; option: Option; checked: boolean; reveal?: Child | undefined;
}) {
  const [, label, hint] = option;
  return (
    <>
      <div class={`govuk-${kind}__item`}>
        <input class={`govuk-${kind}__input`} id={id} name={name} type={kind === 'radios' ? 'radio' : 'checkbox'} value={value} checked={checked}
          data-aria-controls={reveal ? `conditional-${id}` : undefined} aria-describedby={hint ? `${id}-item-hint` : undefined} />
        <label class={`govuk-label govuk-${kind}__label`} for={id}>{label}</label>
        {hint ? <div id={`${id}-item-hint`} class={`govuk-hint govuk-${kind}__hint`}>{hint}</div> : null}
      </div>
      {reveal ? <div class={`govuk-${kind}__conditional${checked ? '' : ` govuk-${kind}__conditional--hidden`}`} id={`conditional-${id}`}>{reveal}</div> : null}
    </>
  );
}

/** One choice of a few, with "Not known" last: an absent answer means not known, and nothing is chosen for the screener. */
export function Radios(p: FieldProps & { value?: string | undefined; options: readonly Option[]; inline?: boolean }) {
  const all: Option[] = [...p.options, ['', 'Not known']];
  return (
    <FieldsetGroup p={p}>
      <div class={`govuk-radios govuk-radios--small${p.inline ?? true ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
        {all.map((option, i) => (
          <Choice kind="radios" id={i === 0 ? p.id : `${p.id}-${option[0] || 'unknown'}`} name={p.name} value={option[0]} option={option} checked={(p.value ?? '') === option[0]} />
        ))}
      </div>
    </FieldsetGroup>
  );
}

/** A yes / no / not known question: an absent answer means not known, never no. */
export function YesNo(p: FieldProps & { value?: boolean | null | undefined }) {
  const current = p.value === true ? 'yes' : p.value === false ? 'no' : '';
  return <Radios id={p.id} name={p.name} label={p.label} hint={p.hint} error={p.error} value={current} options={[['yes', 'Yes'], ['no', 'No']]} />;
}

/**
 * Boxes to tick. `fields` lets a box stand for a yes-or-not-known field of its
 * own (posted as that name with the value "yes", its id taken from the name)
 * among boxes that share the group's name; `values` then lists it by its key.
 */
export function Checkboxes(p: FieldProps & { values: readonly string[]; options: readonly Option[]; columns?: boolean; reveals?: Reveals; fields?: Record<string, string> }) {
  return (
    <FieldsetGroup p={p}>
      <div class={`govuk-checkboxes govuk-checkboxes--small${p.columns ? ' app-columns' : ''}`} data-module="govuk-checkboxes">
        {p.options.map((option, i) => {
          const [key] = option;
          const field = p.fields?.[key];
          return (
            <Choice kind="checkboxes" id={field ? field.replace(/\./g, '-') : i === 0 ? p.id : `${p.id}-${key}`} name={field ?? p.name} value={field ? 'yes' : key}
              option={option} checked={p.values.includes(key)} reveal={p.reveals?.[key]} />
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

/** A date as day / month / year boxes; the error summary links to the day box. */
export function DateInput(p: FieldProps & { value?: { day?: string; month?: string; year?: string } }) {
  const parts = [['day', 'Day', '2'], ['month', 'Month', '2'], ['year', 'Year', '4']] as const;
  return (
    <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy(p)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{p.label}</legend>
        {p.hint ? <div id={`${p.id}-hint`} class="govuk-hint">{p.hint}</div> : null}
        <ErrorMessage id={p.id} message={p.error} />
        <div class="govuk-date-input" id={`${p.id}-group`}>
          {parts.map(([part, label, width], i) => (
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={i === 0 ? p.id : `${p.id}-${part}`}>{label}</label>
                <input class={`govuk-input govuk-date-input__input govuk-input--width-${width}${p.error ? ' govuk-input--error' : ''}`}
                  id={i === 0 ? p.id : `${p.id}-${part}`} name={`${p.name}.${part}`} type="text" inputmode="numeric" value={p.value?.[part] ?? ''} />
              </div>
            </div>
          ))}
        </div>
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
