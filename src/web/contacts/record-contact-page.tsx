import { ErrorSummary, Select, Textarea, TextInput, type FieldErrors } from '../components.js';
import { Checkboxes, DateInput, YesNo } from '../choices.js';
import { count, MAX_FORM_ADULTS, MAX_FORM_CHILDREN, value, values, type FormValues } from '../form-values.js';
import {
  ADULT_FLAG_OPTIONS, ADULT_ROLE_OPTIONS, CHANNEL_OPTIONS, CHILD_AREA_OPTIONS, CONCERN_OPTIONS, CONTACT_AREA_OPTIONS, EARLIER_CONTACTS,
  ETHNICITY_OPTIONS, EVIDENCE_OPTIONS, EXPLANATION_OPTIONS, HISTORY_OPTIONS, HOUSEHOLD_OPTIONS, INJURY_PATTERN_OPTIONS, INJURY_SITE_OPTIONS,
  INJURY_TYPE_OPTIONS, MOBILITY_OPTIONS, PLAN_OPTIONS, POSES_RISK, REFERRAL_SOURCE_OPTIONS, SEX_OPTIONS,
} from '../labels.js';
import { Layout } from '../layout.js';
import type { WebSession } from '../session.js';
import {
  CareQuestions, Count, dateParts, DisclosureQuestions, DomesticAbuseQuestions, ExploitationQuestions, FiiQuestions, HonourBasedAbuseQuestions,
  idOf, MentalHealthQuestions, MissingQuestions, NeglectQuestions, PhysicalPunishmentQuestions, PregnancyQuestions, RiskQuestions,
  Text as BoundText, ticked, WhereaboutsQuestions, Yn, yn,
} from './record-contact-fields.js';

/** Boxes of the concern that are fields of the contact themselves: ticked is yes, unticked not known. */
const CONTACT_AREA_FIELDS = { physicalPunishment: 'physicalPunishmentReported', fii: 'fabricatedOrInducedIllness' };

interface Props { session: WebSession; form: FormValues; errors: FieldErrors }

function Text({ form, errors, name, label, hint, width }: { form: FormValues; errors: FieldErrors; name: string; label: string; hint?: string; width?: string }) {
  return <BoundText f={{ form, errors }} name={name} label={label} hint={hint} width={width} />;
}

function ChildFields({ form, errors, i }: { form: FormValues; errors: FieldErrors; i: number }) {
  const p = `children.${i}`;
  const e = (name: string) => errors[idOf(`${p}.${name}`)];
  const f = { form, errors };
  return (
    <fieldset class="govuk-fieldset app-person">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Child {i + 1}</legend>
      <Text form={form} errors={errors} name={`${p}.givenName`} label="Given name" width="20" />
      <Text form={form} errors={errors} name={`${p}.familyName`} label="Family name" width="20" />
      <Text form={form} errors={errors} name={`${p}.personId`} label="Person id in the case system" width="10" />
      <Text form={form} errors={errors} name={`${p}.nhsNumber`} label="NHS number" hint="10 digits" width="10" />
      <DateInput id={idOf(`${p}.dateOfBirth`)} name={`${p}.dateOfBirth`} label="Date of birth" hint="For example, 10 2 2020" value={dateParts(form, `${p}.dateOfBirth`)} error={e('dateOfBirth')} />
      <DateInput id={idOf(`${p}.expectedDateOfBirth`)} name={`${p}.expectedDateOfBirth`} label="Or, for an unborn child, the expected date of birth" value={dateParts(form, `${p}.expectedDateOfBirth`)} error={e('expectedDateOfBirth')} />
      <Select id={idOf(`${p}.sex`)} name={`${p}.sex`} label="Sex" options={SEX_OPTIONS} value={value(form, `${p}.sex`)} error={e('sex')} />
      <Select id={idOf(`${p}.ethnicity`)} name={`${p}.ethnicity`} label="Ethnicity" options={ETHNICITY_OPTIONS} value={value(form, `${p}.ethnicity`)} error={e('ethnicity')} />
      <Select id={idOf(`${p}.mobility`)} name={`${p}.mobility`} label="Mobility" blank="Choose mobility" hint="Rolling does not count as mobile. Every baby under six months is treated as not mobile." options={MOBILITY_OPTIONS} value={value(form, `${p}.mobility`)} error={e('mobility')} />
      <YesNo id={idOf(`${p}.communicates`)} name={`${p}.communicates`} label="Can the child communicate (speak, sign or use an aid)?" value={yn(form, `${p}.communicates`)} />
      <YesNo id={idOf(`${p}.disability`)} name={`${p}.disability`} label="Does the child have a disability?" value={yn(form, `${p}.disability`)} />
      <Checkboxes id={idOf(`${p}.history`)} name={`${p}.history`} label="Known history" hint="Leave unticked what is not known" options={HISTORY_OPTIONS} values={values(form, `${p}.history`)}
        reveals={{ [EARLIER_CONTACTS]: <Count f={f} name={`${p}.history.contactsLast12Months`} label="How many earlier contacts or referrals, not counting this one?" /> }} />
      <Checkboxes id={idOf(`${p}.areas`)} name={`${p}.areas`} label={`Does any of this apply to child ${i + 1}?`} hint="Tick all that apply. Leave unticked what is not known."
        options={CHILD_AREA_OPTIONS} fields={{ disclosure: `${p}.disclosure` }} values={ticked(form, `${p}.areas`, { disclosure: `${p}.disclosure` })}
        reveals={{ disclosure: <DisclosureQuestions f={f} p={p} />, missing: <MissingQuestions f={f} p={p} />, care: <CareQuestions f={f} p={p} /> }} />
      <details class="govuk-details" open={Boolean(value(form, `${p}.injury.type`)) || undefined}>
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">An injury or mark on child {i + 1}</span></summary>
        <div class="govuk-details__text">
          <Select id={idOf(`${p}.injury.type`)} name={`${p}.injury.type`} label="Type" blank="No injury recorded" options={INJURY_TYPE_OPTIONS} value={value(form, `${p}.injury.type`)} error={errors[idOf(`${p}.injury.type`)]} />
          <Checkboxes id={idOf(`${p}.injury.sites`)} name={`${p}.injury.sites`} label="Where on the body" options={INJURY_SITE_OPTIONS} values={values(form, `${p}.injury.sites`)} columns error={errors[idOf(`${p}.injury.sites`)]} />
          <Checkboxes id={idOf(`${p}.injury.pattern`)} name={`${p}.injury.pattern`} label="Pattern" options={INJURY_PATTERN_OPTIONS} values={values(form, `${p}.injury.pattern`)} />
          <Text form={form} errors={errors} name={`${p}.injury.explanation`} label="Explanation given" />
          <Select id={idOf(`${p}.injury.explanationAssessment`)} name={`${p}.injury.explanationAssessment`} label="Is the explanation consistent with the injury?" options={EXPLANATION_OPTIONS} value={value(form, `${p}.injury.explanationAssessment`)} />
          <YesNo id={idOf(`${p}.injury.healthConfirmedNonInflicted`)} name={`${p}.injury.healthConfirmedNonInflicted`} label="Has a health professional confirmed it is not inflicted (e.g. a birthmark)?" value={yn(form, `${p}.injury.healthConfirmedNonInflicted`)} />
          <Yn f={f} name={`${p}.injury.needsMedicalCare`} label="Does the injury need medical treatment or a check now?" />
        </div>
      </details>
    </fieldset>
  );
}

function AdultFields({ form, errors, i }: { form: FormValues; errors: FieldErrors; i: number }) {
  const p = `adults.${i}`;
  return (
    <fieldset class="govuk-fieldset app-person">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Adult {i + 1}</legend>
      <Select id={idOf(`${p}.role`)} name={`${p}.role`} label="Relationship to the child" options={ADULT_ROLE_OPTIONS} value={value(form, `${p}.role`)} error={errors[idOf(`${p}.role`)]} />
      <Text form={form} errors={errors} name={`${p}.personId`} label="Person id in the case system" width="10" />
      <Checkboxes id={idOf(`${p}.flags`)} name={`${p}.flags`} label="About this adult" hint="Leave unticked what is not known: an unticked ‘checks completed’ prompts checks" options={ADULT_FLAG_OPTIONS} values={values(form, `${p}.flags`)}
        reveals={{ [POSES_RISK]: <RiskQuestions f={{ form, errors }} p={p} /> }} />
    </fieldset>
  );
}

/** Record a contact: the contract's fields as a form a screener can fill while on the phone. */
export function RecordContactPage({ session, form, errors }: Props) {
  const childCount = count(form, 'childCount', MAX_FORM_CHILDREN);
  const adultCount = count(form, 'adultCount', MAX_FORM_ADULTS);
  const f = { form, errors };
  return (
    <Layout title="Record a contact" session={session} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Record a contact</h1>
      <form method="post" action="/contacts/new" novalidate>
        {/* The form's default button, so that Enter in a text field records the contact rather than adding a child. */}
        <button type="submit" name="action" value="default" hidden>Record and triage</button>
        <input type="hidden" name="csrf" value={session.csrf} />
        <input type="hidden" name="childCount" value={String(childCount)} />
        <input type="hidden" name="adultCount" value={String(adultCount)} />
        <h2 class="govuk-heading-m">The contact</h2>
        <DateInput id="receivedDate" name="receivedDate" label="Date received" value={dateParts(form, 'receivedDate')} error={errors.receivedDate} />
        <TextInput id="receivedTime" name="receivedTime" label="Time received (24-hour, UK time)" hint="For example, 09:20" width="5" value={value(form, 'receivedTime')} />
        <Select id="channel" name="channel" label="How it was received" options={CHANNEL_OPTIONS} value={value(form, 'channel')} error={errors.channel} />
        <YesNo id="immediateDanger" name="immediateDanger" label="Is a child in immediate danger?" value={yn(form, 'immediateDanger')} />
        <Yn f={f} name="alreadyActedOn" label="Has this concern already been reported and acted on, so this contact adds nothing new?" />

        <h2 class="govuk-heading-m">The referrer</h2>
        <Select id="referrer-source" name="referrer.source" label="Who is the referrer?" blank="Choose a referral source" options={REFERRAL_SOURCE_OPTIONS} value={value(form, 'referrer.source')} error={errors['referrer-source']} />
        <Text form={form} errors={errors} name="referrer.name" label="Name" width="20" />
        <Text form={form} errors={errors} name="referrer.organisation" label="Organisation" width="20" />
        <Text form={form} errors={errors} name="referrer.role" label="Role" width="20" />
        <Text form={form} errors={errors} name="referrer.relationshipToChild" label="Relationship to the child" width="20" />
        <YesNo id="referrer-spokenToDirectly" name="referrer.spokenToDirectly" label="Have you spoken to the referrer directly?" value={yn(form, 'referrer.spokenToDirectly')} />

        <h2 class="govuk-heading-m">Children</h2>
        {errors.children ? <p class="govuk-error-message" id="children">{errors.children}</p> : null}
        {Array.from({ length: childCount }, (_, i) => <ChildFields form={form} errors={errors} i={i} />)}
        <div class="govuk-button-group">
          {childCount < MAX_FORM_CHILDREN ? <button type="submit" name="action" value="add-child" class="govuk-button govuk-button--secondary">Add another child</button> : null}
          {childCount > 1 ? <button type="submit" name="action" value="remove-child" class="govuk-button govuk-button--warning">Remove child {childCount}</button> : null}
        </div>

        <h2 class="govuk-heading-m">Adults in the child’s life</h2>
        {Array.from({ length: adultCount }, (_, i) => <AdultFields form={form} errors={errors} i={i} />)}
        <div class="govuk-button-group">
          {adultCount < MAX_FORM_ADULTS ? <button type="submit" name="action" value="add-adult" class="govuk-button govuk-button--secondary">Add another adult</button> : null}
          {adultCount > 1 ? <button type="submit" name="action" value="remove-adult" class="govuk-button govuk-button--warning">Remove adult {adultCount}</button> : null}
        </div>

        <h2 class="govuk-heading-m">The concern</h2>
        <Checkboxes id="concerns" name="concerns" label="Concerns (CIN factors)" options={CONCERN_OPTIONS} values={values(form, 'concerns')} columns error={errors.concerns} />
        <Checkboxes id="concernAreas" name="areas" label="Does the contact describe any of these?" hint="Tick all that apply. Leave unticked what is not known."
          options={CONTACT_AREA_OPTIONS} fields={CONTACT_AREA_FIELDS} values={ticked(form, 'areas', CONTACT_AREA_FIELDS)}
          reveals={{
            physicalPunishment: <PhysicalPunishmentQuestions f={f} />, fii: <FiiQuestions f={f} />, neglect: <NeglectQuestions f={f} />,
            exploitation: <ExploitationQuestions f={f} />, honourBasedAbuse: <HonourBasedAbuseQuestions f={f} />,
            pregnancy: <PregnancyQuestions f={f} />, whereabouts: <WhereaboutsQuestions f={f} />,
          }} />
        <Checkboxes id="household" name="household" label="In the household" options={HOUSEHOLD_OPTIONS} values={values(form, 'household')}
          reveals={{ domesticAbuse: <DomesticAbuseQuestions f={f} />, parentalMentalHealth: <MentalHealthQuestions f={f} /> }} />
        <Yn f={f} name="protectiveAdultPresent" label="Is there an adult at home who can and will keep the child safe?" hint="Not the person said to have caused the harm" />
        <Checkboxes id="evidenceHeld" name="evidenceHeld" label="Evidence held by an agency" options={EVIDENCE_OPTIONS} values={values(form, 'evidenceHeld')} />
        <details class="govuk-details" open={Boolean(value(form, 'movement.planInPreviousAuthority')) || undefined}>
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The family moved here from another authority</span></summary>
          <div class="govuk-details__text">
            <DateInput id="movement-movedIntoAreaOn" name="movement.movedIntoAreaOn" label="Date they moved in" value={dateParts(form, 'movement.movedIntoAreaOn')} error={errors['movement-movedIntoAreaOn']} />
            <Text form={form} errors={errors} name="movement.previousAuthority" label="Previous authority (ONS code)" hint="For example, E06000055" width="10" />
            <Select id="movement-planInPreviousAuthority" name="movement.planInPreviousAuthority" label="Plan in the previous authority" options={PLAN_OPTIONS} value={value(form, 'movement.planInPreviousAuthority')} />
            <YesNo id="movement-previousAuthorityNotified" name="movement.previousAuthorityNotified" label="Has the previous authority been told of the move?" value={yn(form, 'movement.previousAuthorityNotified')} />
          </div>
        </details>
        <Textarea id="narrative" name="narrative" label="What the referrer said" hint="In their words where you can" rows={8} value={value(form, 'narrative')} error={errors.narrative} />
        <button type="submit" name="action" value="record" class="govuk-button" data-module="govuk-button">Record and triage</button>
      </form>
    </Layout>
  );
}
