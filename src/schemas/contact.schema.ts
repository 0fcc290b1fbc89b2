import { z } from '@hono/zod-openapi';
import { FIRST_YEAR, inPlausibleYears, isCalendarDate, LAST_YEAR } from '../lib/dates.js';
import {
  ADULT_ROLES, ASSESSMENT_FACTORS, CHANNELS, DASH_RISK_LEVELS, DISCLOSURE_ABOUT, DISCLOSURE_KINDS, ETHNICITIES, EVIDENCE_KINDS,
  EXPLANATION_ASSESSMENTS, FII_LEVELS, INJURY_PATTERNS, INJURY_SITES, INJURY_TYPES, MOBILITY, PREVIOUS_PLANS, REFERRAL_SOURCE_CODES, SEXES,
} from './codes.js';

export const MAX_CHILDREN = 20;
export const MAX_ADULTS = 20;
export const MAX_NARRATIVE = 20_000;
/** CIN validator 8606: an expected date of birth more than 40 weeks after the contact is not a pregnancy. */
export const MAX_WEEKS_BEFORE_BIRTH = 40;
/** An unborn child's expected date may have passed by a few weeks (a late pregnancy); further back, record the birth. */
export const MAX_DAYS_OVERDUE = 28;

export const CalendarDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date')
  .openapi({ example: '2020-02-10', format: 'date' });

export const Instant = z.iso.datetime({ offset: true, message: 'must be an instant with a time zone offset, e.g. 2023-03-14T09:20:00Z' })
  .refine(inPlausibleYears, `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`)
  .openapi({ example: '2023-03-14T09:20:00Z' });

/** NHS numbers carry a modulus-11 check digit; a typo is caught here rather than matched to the wrong child. */
function validNhsNumber(s: string): boolean {
  if (!/^\d{10}$/.test(s)) return false;
  const digits = [...s].map(Number);
  const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits[9];
}

const flag = z.boolean().nullish();
const described = (description: string) => z.boolean().nullish().openapi({ description });
const count = (description: string) => z.number().int().min(0).max(1000).nullish().openapi({ description });
const text = (max: number) => z.string().trim().min(1).max(max).nullish();
const PersonId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1–64 letters, digits or _.:-');

export const InjurySchema = z.strictObject({
  type: z.enum(INJURY_TYPES),
  sites: z.array(z.enum(INJURY_SITES)).min(1, 'name at least one site').max(INJURY_SITES.length),
  pattern: z.array(z.enum(INJURY_PATTERNS)).max(INJURY_PATTERNS.length).nullish(),
  explanation: text(2000),
  explanationAssessment: z.enum(EXPLANATION_ASSESSMENTS).nullish(),
  healthConfirmedNonInflicted: flag,
  needsMedicalCare: described('The injury needs medical treatment or assessment now'),
}).openapi('Injury');

export const ChildHistorySchema = z.strictObject({
  cpPlanCurrent: flag,
  cpPlanPrevious: flag,
  cinCurrent: flag,
  cinPrevious: flag,
  lookedAfterCurrent: flag,
  previousS47: flag,
  siblingCpPlan: flag,
  previousChildRemoved: flag,
  siblingUnexplainedDeath: described('A brother or sister died suddenly and unexpectedly, or of harm'),
  contactsLast12Months: count('Earlier contacts or referrals about the child in the 12 months before this one, from the case system or the screener'),
}).openapi('ChildHistory');

export const ChildSchema = z.strictObject({
  personId: PersonId.nullish(),
  nhsNumber: z.string().refine(validNhsNumber, 'must be a valid 10-digit NHS number').nullish(),
  givenName: text(100),
  familyName: text(100),
  dateOfBirth: CalendarDate.nullish(),
  expectedDateOfBirth: CalendarDate.nullish(),
  sex: z.enum(SEXES).nullish(),
  ethnicity: z.enum(ETHNICITIES).nullish(),
  mobility: z.enum(MOBILITY).nullish(),
  disability: flag,
  communicates: flag,
  disclosure: flag,
  disclosureKind: z.enum(DISCLOSURE_KINDS).nullish().openapi({ description: 'What the child disclosed' }),
  disclosureAbout: z.enum(DISCLOSURE_ABOUT).nullish().openapi({ description: 'Whom the disclosure is about' }),
  disclosureAlreadyActedOn: described('The disclosure is of a matter already reported and acted on (no new information)'),
  sexualActivityReported: described('The child is reported to be sexually active or to have had sexual contact'),
  missingEpisodesLast12Months: count('Times the child has been reported missing in the last 12 months, this one included'),
  unaccompanied: described('No adult with parental responsibility in the UK is caring for the child'),
  homeless: described('The child, aged 16 or 17, is homeless or about to be'),
  needsAccommodationTonight: described('The child has nowhere safe to sleep tonight'),
  privatelyFostered: described('Cared for 28 days or more by an adult who is not a parent or close relative (private fostering)'),
  youngCarer: described('The child cares for a family member'),
  injuries: z.array(InjurySchema).max(50).nullish(),
  history: ChildHistorySchema.nullish(),
}).superRefine((child, ctx) => {
  // Checks within one child run even when other parts of the contact are wrong, so every error is reported at once.
  if (!child.dateOfBirth && !child.expectedDateOfBirth) {
    ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'give a date of birth, or an expected date of birth for an unborn child' });
  }
  if (child.dateOfBirth && child.expectedDateOfBirth) {
    ctx.addIssue({ code: 'custom', path: ['expectedDateOfBirth'], message: 'give either a date of birth or an expected date of birth, not both' });
  }
  if (child.expectedDateOfBirth && child.injuries?.length) {
    ctx.addIssue({ code: 'custom', path: ['injuries'], message: 'an unborn child cannot have injuries recorded' });
  }
}).openapi('Child');

export const AdultSchema = z.strictObject({
  role: z.enum(ADULT_ROLES).nullish(),
  personId: PersonId.nullish(),
  livesWithChild: flag,
  newToHousehold: flag,
  violenceHistory: flag,
  inCustody: flag,
  checksCompleted: flag,
  allegedPerpetrator: flag,
  harmedChildBefore: described('A conviction, caution or finding of fact for harming a child'),
  sexualRiskToChildren: described('A sexual offence against a child, or registered as a sex offender'),
  managedUnderMappa: described('Managed under MAPPA (multi-agency public protection arrangements)'),
  hasAccessToChild: described('Has, or will have within 24 hours, unsupervised access to the child'),
  releaseOrMoveInOn: CalendarDate.nullish().openapi({ description: 'When the adult leaves custody or moves into the household' }),
  worksWithChildren: described('Works or volunteers with children (an allegation goes to the LADO)'),
  excludedByPlan: described('A plan, agreement or order says this adult must not have contact with the child'),
}).openapi('Adult');

export const ReferrerSchema = z.strictObject({
  source: z.enum(REFERRAL_SOURCE_CODES),
  name: text(200),
  organisation: text(200),
  role: text(200),
  relationshipToChild: text(200),
  spokenToDirectly: flag,
}).openapi('Referrer');

export const HouseholdSchema = z.strictObject({
  domesticAbuse: flag,
  substanceMisuse: flag,
  parentalMentalHealth: flag,
}).openapi('Household');

export const MovementSchema = z.strictObject({
  movedIntoAreaOn: CalendarDate.nullish(),
  previousAuthority: z.string().regex(/^[EWSN]\d{8}$/, 'must be an ONS local authority code such as E06000055').nullish(),
  planInPreviousAuthority: z.enum(PREVIOUS_PLANS).nullish(),
  previousAuthorityNotified: flag,
  whereaboutsKnown: described('The family’s current address is known'),
  movedToAvoidServices: described('The move appears intended to avoid services (left without notice, gave no address)'),
  planBreached: described('A protection plan, agreement or order has been breached'),
}).openapi('Movement');

export const DomesticAbuseSchema = z.strictObject({
  dashRisk: z.enum(DASH_RISK_LEVELS).nullish().openapi({ description: 'DASH risk level' }),
  strangulation: described('Non-fatal strangulation or suffocation'),
  weapon: described('A weapon used or threatened'),
  childPresent: described('A child saw, heard or was present'),
  childHurt: described('A child was hurt or caught up in the incident'),
  pregnant: described('The victim is pregnant'),
  incidentsLast12Months: count('Incidents known in the last 12 months, this one included'),
}).openapi('DomesticAbuseDetail');

export const MentalHealthSchema = z.strictObject({
  psychoticFeatures: described('Psychosis, delusions or hallucinations'),
  beliefsAboutChild: described('Beliefs, voices or intentions that involve harming the child'),
  refusingTreatment: described('Refusing or disengaged from treatment'),
  suicidal: described('Suicidal thoughts or attempts'),
}).openapi('MentalHealthDetail');

export const ExploitationSchema = z.strictObject({
  foundWithUnknownAdults: described('Found with adults unknown to the family'),
  drugsOrCash: described('Found with drugs, unexplained cash, phones or gifts'),
  homeTakenOver: described('The home is used by others to deal drugs (cuckooing)'),
  onlineSexualExtortion: described('Threatened with the sharing of sexual images'),
  suicidalThoughts: described('The child has spoken of suicide or self-harm'),
}).openapi('ExploitationDetail');

export const NeglectSchema = z.strictObject({
  wasNotBrought: count('Health appointments the child was not brought to in the last 12 months'),
  emergencyAttendances: count('Emergency department attendances in the last 12 months'),
  unsafeSleepIntoxicatedCarer: described('An infant sleeps with a carer who has been drinking or taking drugs'),
  basicNeedsUnmet: described('Food, warmth, hygiene or supervision are seriously lacking now'),
}).openapi('NeglectDetail');

export const HonourBasedAbuseSchema = z.strictObject({
  forcedMarriage: described('A forced marriage is feared or planned'),
  honourBasedViolence: described('Violence or threats to protect a family’s “honour”'),
  fgmRisk: described('The child is at risk of FGM (not known to have happened)'),
  travelAbroadOn: CalendarDate.nullish().openapi({ description: 'A planned journey abroad that puts the child at risk' }),
}).openapi('HonourBasedAbuseDetail');

export const PhysicalPunishmentSchema = z.strictObject({
  implement: described('An implement was used (belt, slipper, cable …)'),
  toHead: described('A blow to the head or face'),
  repeated: described('It has happened before or is said to be routine'),
}).openapi('PhysicalPunishmentDetail');

const ContactFields = z.strictObject({
  receivedAt: Instant,
  channel: z.enum(CHANNELS).nullish(),
  immediateDanger: flag,
  referrer: ReferrerSchema,
  children: z.array(ChildSchema).min(1, 'a contact names at least one child').max(MAX_CHILDREN, `at most ${MAX_CHILDREN} children in one contact`),
  adults: z.array(AdultSchema).max(MAX_ADULTS).nullish(),
  concerns: z.array(z.enum(ASSESSMENT_FACTORS)).max(ASSESSMENT_FACTORS.length).nullish(),
  physicalPunishmentReported: flag,
  physicalPunishment: PhysicalPunishmentSchema.nullish(),
  fabricatedOrInducedIllness: flag,
  fii: z.enum(FII_LEVELS).nullish().openapi({ description: 'RCPCH 2021: a perplexing presentation is not yet FII' }),
  domesticAbuseDetail: DomesticAbuseSchema.nullish(),
  mentalHealthDetail: MentalHealthSchema.nullish(),
  exploitation: ExploitationSchema.nullish(),
  neglect: NeglectSchema.nullish(),
  honourBasedAbuse: HonourBasedAbuseSchema.nullish(),
  concealedPregnancy: described('The pregnancy was concealed or booked late (after 20 weeks)'),
  protectiveAdultPresent: described('A non-abusing adult who can and will protect the child is in the household'),
  alreadyActedOn: described('The concern was already reported and acted on; this contact adds nothing new'),
  evidenceHeld: z.array(z.enum(EVIDENCE_KINDS)).max(EVIDENCE_KINDS.length).nullish(),
  household: HouseholdSchema.nullish(),
  movement: MovementSchema.nullish(),
  narrative: z.string().trim().min(1, 'describe the concern').max(MAX_NARRATIVE, `at most ${MAX_NARRATIVE} characters`),
});

const DAY = 86_400_000;

/** Checks across fields: dates of birth against the contact's own date, not against today. */
export const ContactInputSchema = ContactFields.superRefine((contact, ctx) => {
  const received = Date.parse(contact.receivedAt);
  const receivedDate = contact.receivedAt.slice(0, 10);
  contact.children.forEach((child, i) => {
    const path = ['children', i];
    if (child.dateOfBirth && child.dateOfBirth > receivedDate) {
      ctx.addIssue({ code: 'custom', path: [...path, 'dateOfBirth'], message: 'is after the contact was received' });
    }
    if (child.expectedDateOfBirth) {
      const edd = Date.parse(`${child.expectedDateOfBirth}T00:00:00Z`);
      if (edd - received > MAX_WEEKS_BEFORE_BIRTH * 7 * DAY) {
        ctx.addIssue({ code: 'custom', path: [...path, 'expectedDateOfBirth'], message: `is more than ${MAX_WEEKS_BEFORE_BIRTH} weeks after the contact was received` });
      }
      if (received - edd > MAX_DAYS_OVERDUE * DAY) {
        ctx.addIssue({ code: 'custom', path: [...path, 'expectedDateOfBirth'], message: `passed more than ${MAX_DAYS_OVERDUE} days before the contact: record the date of birth` });
      }
    }
  });
  if (contact.movement?.movedIntoAreaOn && Date.parse(`${contact.movement.movedIntoAreaOn}T00:00:00Z`) > received) {
    ctx.addIssue({ code: 'custom', path: ['movement', 'movedIntoAreaOn'], message: 'is after the contact was received' });
  }
  if (contact.concerns?.includes('21') && contact.concerns.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['concerns'], message: '21 (no factors identified) must be used alone' });
  }
}).openapi('ContactInput');

export type ContactInput = z.infer<typeof ContactFields>;
export type ChildInput = z.infer<typeof ChildSchema>;
export type AdultInput = z.infer<typeof AdultSchema>;
export type InjuryInput = z.infer<typeof InjurySchema>;
