import { Select } from '../components.js';
import { Checkboxes } from '../choices.js';
import { count, MAX_FORM_ADULTS, MAX_FORM_CHILDREN, value, values } from '../form-values.js';
import { ADULT_FLAG_OPTIONS, ADULT_ROLE_OPTIONS, HISTORY_OPTIONS, HOUSEHOLD_OPTIONS, PLAN_OPTIONS, POSES_RISK } from '../labels.js';
import { LIVES_WITH_OPTIONS } from './contact-form-labels.js';
import {
  Count, DateField, DomesticAbuseQuestions, idOf, MentalHealthQuestions, OneOf, RiskQuestions, Text, Yn, type FormState,
} from './record-contact-fields.js';

function AdultFields({ f, i }: { f: FormState; i: number }) {
  const p = `adults.${i}`;
  return (
    <fieldset class="govuk-fieldset app-person">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Adult {i + 1}</legend>
      <Select id={idOf(`${p}.role`)} name={`${p}.role`} label="Relationship to the child" options={ADULT_ROLE_OPTIONS} value={value(f.form, `${p}.role`)} error={f.errors[idOf(`${p}.role`)]} />
      <Text f={f} name={`${p}.personId`} label="Person id in the case system" width="10" />
      <Checkboxes id={idOf(`${p}.flags`)} name={`${p}.flags`} label="About this adult" hint="Leave unticked what is not known: an unticked ‘checks completed’ prompts checks" options={ADULT_FLAG_OPTIONS} values={values(f.form, `${p}.flags`)}
        reveals={{ [POSES_RISK]: <RiskQuestions f={f} p={p} /> }} />
    </fieldset>
  );
}

function History({ f, i }: { f: FormState; i: number }) {
  const p = `children.${i}.history`;
  const name = value(f.form, `children.${i}.givenName`) || `child ${i + 1}`;
  return (
    <div class="app-person">
      <Checkboxes id={idOf(p)} name={p} label={`Known history of ${name}`} hint="Leave unticked what is not known" options={HISTORY_OPTIONS} values={values(f.form, p)} />
      <Count f={f} name={`${p}.contactsLast12Months`} label={`Earlier contacts or referrals about ${name} in the last 12 months`} hint="Not counting this one. Leave blank if not yet checked." />
    </div>
  );
}

/** Section 4, the household and history: who the children live with, other adults, what is known of the family. */
export function HouseholdAndHistory({ f }: { f: FormState }) {
  const { form, errors } = f;
  const adultCount = count(form, 'adultCount', MAX_FORM_ADULTS);
  const childCount = count(form, 'childCount', MAX_FORM_CHILDREN);
  return (
    <section class="app-form-section" aria-labelledby="section-household">
      <h2 class="govuk-heading-l" id="section-household">4. The household and history</h2>
      <OneOf f={f} name="livesWith" label="Who do the children live with?" options={LIVES_WITH_OPTIONS} />
      <Checkboxes id="household" name="household" label="In the household" options={HOUSEHOLD_OPTIONS} values={values(form, 'household')}
        reveals={{ domesticAbuse: <DomesticAbuseQuestions f={f} />, parentalMentalHealth: <MentalHealthQuestions f={f} /> }} />
      <h3 class="govuk-heading-m">Other adults, or more about one</h3>
      <p class="govuk-body">For example, an alleged perpetrator, someone new to the household, or a parent who lives elsewhere. A parent named above and here is recorded once.</p>
      {Array.from({ length: adultCount }, (_, i) => <AdultFields f={f} i={i} />)}
      <div class="govuk-button-group">
        {adultCount < MAX_FORM_ADULTS ? <button type="submit" name="action" value="add-adult" class="govuk-button govuk-button--secondary">Add another adult</button> : null}
        {adultCount > 1 ? <button type="submit" name="action" value="remove-adult" class="govuk-button govuk-button--warning">Remove adult {adultCount}</button> : null}
      </div>
      {Array.from({ length: childCount }, (_, i) => <History f={f} i={i} />)}
      <details class="govuk-details" open={Boolean(value(form, 'movement.planInPreviousAuthority') || errors['movement-movedIntoAreaOn']) || undefined}>
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The family moved here from another authority</span></summary>
        <div class="govuk-details__text">
          <DateField f={f} name="movement.movedIntoAreaOn" label="Date they moved in" />
          <Text f={f} name="movement.previousAuthority" label="Previous authority (ONS code)" hint="For example, E06000055" width="10" />
          <Select id="movement-planInPreviousAuthority" name="movement.planInPreviousAuthority" label="Plan in the previous authority" options={PLAN_OPTIONS} value={value(form, 'movement.planInPreviousAuthority')} />
          <Yn f={f} name="movement.previousAuthorityNotified" label="Has the previous authority been told of the move?" />
        </div>
      </details>
    </section>
  );
}
