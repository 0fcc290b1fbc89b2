import { Select, TextInput } from '../components.js';
import { DateInput, Radios } from '../choices.js';
import { Follows } from '../follows.js';
import { value } from '../form-values.js';
import { ANONYMOUS, CHANNEL_CHOICES, REFERRER_OPTIONS } from './contact-form-labels.js';
import { dateParts, Text, Yn, type FormState } from './form-fields.js';

/**
 * Section 1, who referred: when and how the contact came in, and who made it.
 * The referrer's name, organisation and role follow only when the referrer
 * is not anonymous.
 */
export function WhoReferred({ f }: { f: FormState }) {
  const { form, errors } = f;
  const source = value(form, 'referrer.source');
  return (
    <section class="app-form-section" aria-labelledby="section-referrer">
      <h2 class="govuk-heading-l" id="section-referrer">1. Who referred</h2>
      <DateInput id="receivedDate" name="receivedDate" label="Date received" hint="Today, unless you are recording a contact that came in earlier" value={dateParts(form, 'receivedDate')} error={errors.receivedDate} />
      <TextInput id="receivedTime" name="receivedTime" label="Time received (24-hour, UK time)" hint="For example, 09:20" width="5" value={value(form, 'receivedTime')} />
      <Radios id="channel" name="channel" label="How did the contact come in?" options={CHANNEL_CHOICES} inline={false} value={value(form, 'channel')} error={errors.channel} />
      <Select id="referrer-source" name="referrer.source" label="Who is the referrer?" blank="Choose who the referrer is" options={REFERRER_OPTIONS} value={source} error={errors['referrer-source']} />
      <Follows control="referrer-source" hideWhen={[ANONYMOUS]} hidden={source === ANONYMOUS}>
        <Text f={f} name="referrer.name" label="Referrer’s name" width="20" />
        <Text f={f} name="referrer.organisation" label="Organisation" width="20" />
        <Text f={f} name="referrer.role" label="Role" hint="For example, class teacher" width="20" />
        <Text f={f} name="referrer.relationshipToChild" label="Relationship to the child" width="20" />
        <Yn f={f} name="referrer.spokenToDirectly" label="Have you spoken to the referrer directly?" hint="Leave as not known for a phone call with the referrer: that already says yes" />
      </Follows>
    </section>
  );
}
