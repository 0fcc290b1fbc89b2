import { Checkboxes } from '../choices.js';
import { values } from '../form-values.js';
import { CONCERN_OPTIONS, EVIDENCE_OPTIONS } from '../labels.js';
import { Yn, type FormState } from './record-contact-fields.js';

/** Section 5, the screener's view: what the concern is, and what is already known to be in place. */
export function ScreenersView({ f }: { f: FormState }) {
  const { form, errors } = f;
  return (
    <section class="app-form-section" aria-labelledby="section-view">
      <h2 class="govuk-heading-l" id="section-view">5. Your view</h2>
      <Checkboxes id="concerns" name="concerns" label="What is the concern?" hint="Tick all that apply" options={CONCERN_OPTIONS} values={values(form, 'concerns')} columns error={errors.concerns} />
      <Yn f={f} name="alreadyActedOn" label="Has this concern already been reported and acted on, so this contact adds nothing new?" />
      <Yn f={f} name="protectiveAdultPresent" label="Is there an adult at home who can and will keep the child safe?" hint="Not the person said to have caused the harm" />
      <Checkboxes id="evidenceHeld" name="evidenceHeld" label="Evidence held by an agency" options={EVIDENCE_OPTIONS} values={values(form, 'evidenceHeld')} />
    </section>
  );
}
