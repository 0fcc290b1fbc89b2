import { DASH_RISK_OPTIONS, DISCLOSURE_ABOUT_OPTIONS, DISCLOSURE_KIND_OPTIONS, FII_OPTIONS } from '../labels.js';
import { Count, DateField, OneOf, Yn, type FormState } from './form-fields.js';

export { Count, DateField, dateParts, idOf, OneOf, Text, ticked, Yn, yn, type FormState } from './form-fields.js';

/**
 * The questions of the record-a-contact form that are revealed only when the
 * contact is about them. Each field is named by its path in the API body
 * (children.0.disclosureKind → children[0].disclosureKind), so an API error
 * finds its field and the error summary links to it.
 */
/** Under a child's "has disclosed harm": what, about whom, and whether it is already known. */
export function DisclosureQuestions({ f, p }: { f: FormState; p: string }) {
  return (
    <>
      <OneOf f={f} name={`${p}.disclosureKind`} label="What did the child say is happening?" options={DISCLOSURE_KIND_OPTIONS} />
      <OneOf f={f} name={`${p}.disclosureAbout`} label="Who did the child say it was?" options={DISCLOSURE_ABOUT_OPTIONS} />
      <Yn f={f} name={`${p}.disclosureAlreadyActedOn`} label="Has this already been reported and acted on?" hint="Answer yes only if the child has said nothing new" />
    </>
  );
}

export function MissingQuestions({ f, p }: { f: FormState; p: string }) {
  return (
    <>
      <Count f={f} name={`${p}.missingEpisodesLast12Months`} label="How many times has the child been reported missing in the last 12 months?" hint="Include this time if the child is missing now" />
      <Yn f={f} name={`${p}.sexualActivityReported`} label="Is the child said to be sexually active, or to have had sexual contact?" />
    </>
  );
}

export function CareQuestions({ f, p }: { f: FormState; p: string }) {
  return (
    <>
      <Yn f={f} name={`${p}.unaccompanied`} label="Is the child in the UK without a parent or anyone with parental responsibility caring for them?" />
      <Yn f={f} name={`${p}.homeless`} label="Is the child, aged 16 or 17, homeless or about to be?" />
      <Yn f={f} name={`${p}.needsAccommodationTonight`} label="Does the child have nowhere safe to sleep tonight?" />
      <Yn f={f} name={`${p}.privatelyFostered`} label="Has the child been cared for 28 days or more by someone who is not a parent or close relative (private fostering)?" />
      <Yn f={f} name={`${p}.youngCarer`} label="Does the child look after a family member (a young carer)?" />
    </>
  );
}

/** Under an adult's "may pose a risk to children". */
export function RiskQuestions({ f, p }: { f: FormState; p: string }) {
  return (
    <>
      <Yn f={f} name={`${p}.harmedChildBefore`} label="Has this adult been convicted or cautioned for harming a child, or has a court found that they did?" />
      <Yn f={f} name={`${p}.sexualRiskToChildren`} label="Have they committed a sexual offence against a child, or are they on the sex offenders register?" />
      <Yn f={f} name={`${p}.managedUnderMappa`} label="Are they managed under MAPPA (by police and probation, as a risk to the public)?" />
      <Yn f={f} name={`${p}.hasAccessToChild`} label="Do they have, or will they have within 24 hours, unsupervised access to the child?" />
      <DateField f={f} name={`${p}.releaseOrMoveInOn`} label="When do they leave prison or custody, or move in with the child?" hint="Leave blank if neither. For example, 27 3 2026" />
      <Yn f={f} name={`${p}.worksWithChildren`} label="Do they work or volunteer with children?" hint="An allegation against them goes to the LADO" />
      <Yn f={f} name={`${p}.excludedByPlan`} label="Does a plan, agreement or court order say they must not have contact with the child?" />
    </>
  );
}

export function PhysicalPunishmentQuestions({ f }: { f: FormState }) {
  return (
    <>
      <Yn f={f} name="physicalPunishment.implement" label="Was something used to hit the child (a belt, slipper, cable …)?" />
      <Yn f={f} name="physicalPunishment.toHead" label="Was the child hit on the head or face?" />
      <Yn f={f} name="physicalPunishment.repeated" label="Has it happened before, or is it said to be routine?" />
    </>
  );
}

export function FiiQuestions({ f }: { f: FormState }) {
  return <OneOf f={f} name="fii" label="How far have the concerns gone?" options={FII_OPTIONS} />;
}

export function DomesticAbuseQuestions({ f }: { f: FormState }) {
  const p = 'domesticAbuseDetail';
  return (
    <>
      <OneOf f={f} name={`${p}.dashRisk`} label="DASH risk level" hint="If the police or another agency completed a DASH risk assessment" options={DASH_RISK_OPTIONS} inline />
      <Yn f={f} name={`${p}.strangulation`} label="Was anyone strangled, choked or suffocated?" />
      <Yn f={f} name={`${p}.weapon`} label="Was a weapon used or threatened?" />
      <Yn f={f} name={`${p}.childPresent`} label="Did a child see or hear it, or was a child there?" />
      <Yn f={f} name={`${p}.childHurt`} label="Was a child hurt or caught up in it?" />
      <Yn f={f} name={`${p}.pregnant`} label="Is the person being abused pregnant?" />
      <Count f={f} name={`${p}.incidentsLast12Months`} label="How many incidents are known in the last 12 months?" hint="Include this one" />
    </>
  );
}

export function MentalHealthQuestions({ f }: { f: FormState }) {
  const p = 'mentalHealthDetail';
  return (
    <>
      <Yn f={f} name={`${p}.psychoticFeatures`} label="Does the parent or carer have psychosis, delusions or hallucinations?" />
      <Yn f={f} name={`${p}.beliefsAboutChild`} label="Do their beliefs, voices or intentions involve harming the child?" />
      <Yn f={f} name={`${p}.refusingTreatment`} label="Are they refusing treatment, or have they stopped engaging with it?" />
      <Yn f={f} name={`${p}.suicidal`} label="Do they have suicidal thoughts, or have they tried to end their life?" />
    </>
  );
}

export function NeglectQuestions({ f }: { f: FormState }) {
  const p = 'neglect';
  return (
    <>
      <Count f={f} name={`${p}.wasNotBrought`} label="How many health appointments was the child not brought to in the last 12 months?" />
      <Count f={f} name={`${p}.emergencyAttendances`} label="How many times has the child been taken to A&E in the last 12 months?" />
      <Yn f={f} name={`${p}.unsafeSleepIntoxicatedCarer`} label="Does a baby sleep in a bed or on a sofa with a carer who has been drinking or taking drugs?" />
      <Yn f={f} name={`${p}.basicNeedsUnmet`} label="Is the child going without food, warmth, cleanliness or supervision now?" />
    </>
  );
}

export function ExploitationQuestions({ f }: { f: FormState }) {
  const p = 'exploitation';
  return (
    <>
      <Yn f={f} name={`${p}.foundWithUnknownAdults`} label="Has a child been found with adults the family does not know?" />
      <Yn f={f} name={`${p}.drugsOrCash`} label="Has a child been found with drugs, unexplained cash, phones or gifts?" />
      <Yn f={f} name={`${p}.homeTakenOver`} label="Are others using the home to deal drugs (cuckooing)?" />
      <Yn f={f} name={`${p}.onlineSexualExtortion`} label="Is someone threatening to share sexual images of a child?" />
      <Yn f={f} name={`${p}.suicidalThoughts`} label="Has a child spoken of suicide or self-harm?" />
    </>
  );
}

export function HonourBasedAbuseQuestions({ f }: { f: FormState }) {
  const p = 'honourBasedAbuse';
  return (
    <>
      <Yn f={f} name={`${p}.forcedMarriage`} label="Is a forced marriage feared or planned?" />
      <Yn f={f} name={`${p}.honourBasedViolence`} label="Has there been violence, or threats, to protect the family’s ‘honour’?" />
      <Yn f={f} name={`${p}.fgmRisk`} label="Is a child at risk of FGM?" hint="If FGM has already been done, tick ‘Female genital mutilation’ in the concerns" />
      <DateField f={f} name={`${p}.travelAbroadOn`} label="When is the child due to travel abroad?" hint="If a journey is planned that puts the child at risk. For example, 27 7 2026" />
    </>
  );
}

export function PregnancyQuestions({ f }: { f: FormState }) {
  return <Yn f={f} name="concealedPregnancy" label="Was the pregnancy hidden, or booked late (after 20 weeks)?" />;
}

export function WhereaboutsQuestions({ f }: { f: FormState }) {
  return (
    <>
      <Yn f={f} name="movement.whereaboutsKnown" label="Do you know where the family is living now?" />
      <Yn f={f} name="movement.movedToAvoidServices" label="Does the family seem to have moved to avoid services?" hint="For example, left without notice or gave no address" />
      <Yn f={f} name="movement.planBreached" label="Has a protection plan, agreement or court order been broken?" />
    </>
  );
}
