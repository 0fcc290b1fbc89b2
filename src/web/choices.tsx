import type { Child } from 'hono/jsx';
import { ErrorMessage, FieldsetGroup, describedBy, type FieldProps } from './components.js';

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
          data-aria-controls={reveal != null ? `conditional-${id}` : undefined} aria-describedby={hint ? `${id}-item-hint` : undefined} />
        <label class={`govuk-label govuk-${kind}__label`} for={id}>{label}</label>
        {hint ? <div id={`${id}-item-hint`} class={`govuk-hint govuk-${kind}__hint`}>{hint}</div> : null}
      </div>
      {reveal != null ? <div class={`govuk-${kind}__conditional${checked ? '' : ` govuk-${kind}__conditional--hidden`}`} id={`conditional-${id}`}>{reveal}</div> : null}
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
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(p)}>
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
