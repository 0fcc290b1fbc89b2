import { Select, Textarea } from '../components.js';
import { Checkboxes } from '../choices.js';
import { Follows } from '../follows.js';
import { count, MAX_FORM_CHILDREN, value, values } from '../form-values.js';
import { CONTACT_AREA_OPTIONS, EXPLANATION_OPTIONS, INJURY_PATTERN_OPTIONS, INJURY_SITE_OPTIONS, INJURY_TYPE_OPTIONS } from '../labels.js';
import {
  ExploitationQuestions, FiiQuestions, HonourBasedAbuseQuestions, idOf, NeglectQuestions, PhysicalPunishmentQuestions, PregnancyQuestions,
  Text, ticked, WhereaboutsQuestions, Yn, type FormState,
} from './record-contact-fields.js';

/** Boxes of the concern that are fields of the contact themselves: ticked is yes, unticked not known. */
const CONTACT_AREA_FIELDS = { physicalPunishment: 'physicalPunishmentReported', fii: 'fabricatedOrInducedIllness' };

/** One child's injury: its type, and where it is and how it was explained once a type is chosen. */
function Injury({ f, i }: { f: FormState; i: number }) {
  const { form, errors } = f;
  const p = `children.${i}.injury`;
  const type = value(form, `${p}.type`);
  const name = value(form, `children.${i}.givenName`);
  return (
    <div class="app-person">
      <Select id={idOf(`${p}.type`)} name={`${p}.type`} label={`An injury or mark on ${name || `child ${i + 1}`}`} blank="No injury or mark recorded"
        options={INJURY_TYPE_OPTIONS} value={type} error={errors[idOf(`${p}.type`)]} />
      <Follows control={idOf(`${p}.type`)} hideWhen={['']} hidden={!type}>
        <Checkboxes id={idOf(`${p}.sites`)} name={`${p}.sites`} label="Where on the body" options={INJURY_SITE_OPTIONS} values={values(form, `${p}.sites`)} columns error={errors[idOf(`${p}.sites`)]} />
        <Checkboxes id={idOf(`${p}.pattern`)} name={`${p}.pattern`} label="Pattern" options={INJURY_PATTERN_OPTIONS} values={values(form, `${p}.pattern`)} />
        <Text f={f} name={`${p}.explanation`} label="Explanation given" />
        <Select id={idOf(`${p}.explanationAssessment`)} name={`${p}.explanationAssessment`} label="Is the explanation consistent with the injury?" options={EXPLANATION_OPTIONS} value={value(form, `${p}.explanationAssessment`)} />
        <Yn f={f} name={`${p}.healthConfirmedNonInflicted`} label="Has a health professional confirmed it is not inflicted (for example, a birthmark)?" />
        <Yn f={f} name={`${p}.needsMedicalCare`} label="Does the injury need medical treatment or a check now?" />
      </Follows>
    </div>
  );
}

/** Section 3, what happened: the referrer's account, any injury, and the harms the contact is about. */
export function WhatHappened({ f }: { f: FormState }) {
  const { form, errors } = f;
  const childCount = count(form, 'childCount', MAX_FORM_CHILDREN);
  return (
    <section class="app-form-section" aria-labelledby="section-what-happened">
      <h2 class="govuk-heading-l" id="section-what-happened">3. What happened</h2>
      <Textarea id="narrative" name="narrative" label="What the referrer said" hint="In their words where you can" rows={6} value={value(form, 'narrative')} error={errors.narrative} />
      <Yn f={f} name="immediateDanger" label="Is a child in immediate danger?" />
      {Array.from({ length: childCount }, (_, i) => <Injury f={f} i={i} />)}
      <Checkboxes id="concernAreas" name="areas" label="Is the contact about any of these?" hint="Tick all that apply. Leave unticked what is not known."
        options={CONTACT_AREA_OPTIONS} fields={CONTACT_AREA_FIELDS} values={ticked(form, 'areas', CONTACT_AREA_FIELDS)}
        reveals={{
          physicalPunishment: <PhysicalPunishmentQuestions f={f} />, fii: <FiiQuestions f={f} />, neglect: <NeglectQuestions f={f} />,
          exploitation: <ExploitationQuestions f={f} />, honourBasedAbuse: <HonourBasedAbuseQuestions f={f} />,
          pregnancy: <PregnancyQuestions f={f} />, whereabouts: <WhereaboutsQuestions f={f} />,
        }} />
    </section>
  );
}
