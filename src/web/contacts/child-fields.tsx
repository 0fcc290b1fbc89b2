import { Select } from '../components.js';
import { Checkboxes } from '../choices.js';
import { ForAgeUnder } from '../follows.js';
import { count, MAX_FORM_CHILDREN, value, type FormValues } from '../form-values.js';
import { CHILD_AREA_OPTIONS, ETHNICITY_OPTIONS, SEX_OPTIONS } from '../labels.js';
import { MOBILITY_CHOICES } from './contact-form-labels.js';
import { dateFrom } from './form-readers.js';
import { dateOrAge, monthsOld } from './date-or-age.js';
import { CareQuestions, DateField, DisclosureQuestions, idOf, MissingQuestions, OneOf, Text, ticked, Yn, type FormState } from './record-contact-fields.js';

/** Mobility is asked for a child under two; every baby under six months is treated as not mobile whatever is chosen. */
const MOBILITY_UNDER_MONTHS = 24;

function childAgeMonths(form: FormValues, p: string): number | null {
  const received = dateFrom(form, 'receivedDate');
  return monthsOld(dateFrom(form, `${p}.dateOfBirth`) ?? dateOrAge(value(form, `${p}.dateOfBirth`), received), received);
}

function ChildFields({ f, i }: { f: FormState; i: number }) {
  const { form, errors } = f;
  const p = `children.${i}`;
  const age = childAgeMonths(form, p);
  const unborn = value(form, `${p}.unborn`) === 'unborn' || Boolean(value(form, `${p}.expectedDateOfBirth.year`));
  return (
    <fieldset class="govuk-fieldset app-person">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Child {i + 1}</legend>
      <Text f={f} name={`${p}.givenName`} label="Given name" width="20" />
      <Text f={f} name={`${p}.familyName`} label="Family name" width="20" />
      <Text f={f} name={`${p}.dateOfBirth`} label="Date of birth, or age" width="10"
        hint="A date such as 28 7 2026, or an age such as 4 months or 2 years: an age is counted back from the day the contact came in" />
      <Checkboxes id={idOf(`${p}.unborn`)} name={`${p}.unborn`} label="An unborn baby" options={[['unborn', 'The baby is not born yet']]} values={unborn ? ['unborn'] : []}
        reveals={{ unborn: <DateField f={f} name={`${p}.expectedDateOfBirth`} label="Expected date of birth" hint="For example, 10 2 2027. Leave the date of birth blank." /> }} />
      <Select id={idOf(`${p}.sex`)} name={`${p}.sex`} label="Sex" options={SEX_OPTIONS} value={value(form, `${p}.sex`)} error={errors[idOf(`${p}.sex`)]} />
      <ForAgeUnder control={idOf(`${p}.dateOfBirth`)} months={MOBILITY_UNDER_MONTHS} hidden={age !== null && age >= MOBILITY_UNDER_MONTHS}>
        <OneOf f={f} name={`${p}.mobility`} label={`Is child ${i + 1} mobile?`} hint="Asked for a child under two. Every baby under six months is treated as not mobile." options={MOBILITY_CHOICES} />
      </ForAgeUnder>
      <Checkboxes id={idOf(`${p}.areas`)} name={`${p}.areas`} label={`Does any of this apply to child ${i + 1}?`} hint="Tick all that apply. Leave unticked what is not known."
        options={CHILD_AREA_OPTIONS} fields={{ disclosure: `${p}.disclosure` }} values={ticked(form, `${p}.areas`, { disclosure: `${p}.disclosure` })}
        reveals={{ disclosure: <DisclosureQuestions f={f} p={p} />, missing: <MissingQuestions f={f} p={p} />, care: <CareQuestions f={f} p={p} /> }} />
      <details class="govuk-details" open={['personId', 'nhsNumber', 'ethnicity'].some((n) => errors[idOf(`${p}.${n}`)]) || undefined}>
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Ids, ethnicity, communication and disability of child {i + 1}</span></summary>
        <div class="govuk-details__text">
          <Text f={f} name={`${p}.personId`} label="Person id in the case system" width="10" />
          <Text f={f} name={`${p}.nhsNumber`} label="NHS number" hint="10 digits" width="10" />
          <Select id={idOf(`${p}.ethnicity`)} name={`${p}.ethnicity`} label="Ethnicity" options={ETHNICITY_OPTIONS} value={value(form, `${p}.ethnicity`)} error={errors[idOf(`${p}.ethnicity`)]} />
          <Yn f={f} name={`${p}.communicates`} label="Can the child communicate (speak, sign or use an aid)?" />
          <Yn f={f} name={`${p}.disability`} label="Does the child have a disability?" />
        </div>
      </details>
    </fieldset>
  );
}

/** Section 2, the children: each child's name, age and what applies to them, with "add another" that can also remove. */
export function Children({ f }: { f: FormState }) {
  const childCount = count(f.form, 'childCount', MAX_FORM_CHILDREN);
  return (
    <section class="app-form-section" aria-labelledby="section-children">
      <h2 class="govuk-heading-l" id="section-children">2. The children</h2>
      {f.errors.children ? <p class="govuk-error-message" id="children">{f.errors.children}</p> : null}
      {Array.from({ length: childCount }, (_, i) => <ChildFields f={f} i={i} />)}
      <div class="govuk-button-group">
        {childCount < MAX_FORM_CHILDREN ? <button type="submit" name="action" value="add-child" class="govuk-button govuk-button--secondary">Add another child</button> : null}
        {childCount > 1 ? <button type="submit" name="action" value="remove-child" class="govuk-button govuk-button--warning">Remove child {childCount}</button> : null}
      </div>
    </section>
  );
}
