import { referrerGroup } from '../schemas/codes.js';
import type { ContactInput } from '../schemas/contact.schema.js';
import { deriveChild, type DerivedChild } from './children.js';
import type { AuthoritySettings } from './settings.js';
import type { AreaContext } from './fact-areas/context.js';
import { DISCLOSURE_FACTS, disclosureFacts } from './fact-areas/disclosure.js';
import { HOUSEHOLD_FACTS, householdFacts } from './fact-areas/domestic-abuse.js';
import { OUTSIDE_HARM_FACTS, outsideHarmFacts } from './fact-areas/exploitation.js';
import { NEED_FACTS, needFacts } from './fact-areas/need.js';
import { NEGLECT_FACTS, neglectFacts } from './fact-areas/neglect.js';
import { PEOPLE_FACTS, peopleFacts } from './fact-areas/people.js';
import { BIRTH_AND_MOVEMENT_FACTS, birthAndMovementFacts } from './fact-areas/pre-birth.js';

/**
 * The one place where a contact becomes facts. Facts are flat and named in
 * the domain's words, so that a rule reads like the guidance it comes from
 * and a stored triage shows exactly what the rules saw. Facts never carry a
 * name or NHS number: children are "child 1 (3 years 1 month)".
 */
export interface ChildHistory {
  cpPlanCurrent?: boolean | null;
  cpPlanPrevious?: boolean | null;
  cinCurrent?: boolean | null;
  cinPrevious?: boolean | null;
  lookedAfterCurrent?: boolean | null;
  previousS47?: boolean | null;
  siblingCpPlan?: boolean | null;
  previousChildRemoved?: boolean | null;
  siblingUnexplainedDeath?: boolean | null;
  /** Earlier contacts or referrals in the 12 months before this one. */
  contactsLast12Months?: number | null;
}

/** What is known about each child beyond the contact itself, by the child's position in the contact. */
export interface HistoryEvidence {
  /** Earlier contacts about the child in this service's own records, within 12 months before this one. */
  priorContacts: number[];
  /** History from the case system, where one is configured and answered. */
  caseSystem: (ChildHistory | null)[];
  /** False when a configured case system failed or timed out for any child. */
  complete: boolean;
}

const CORE_FACTS = {
  immediateDanger: 'The referrer or screener says a child is in immediate danger',
  childCount: 'Children named in the contact',
  youngestAgeDays: 'Age in days of the youngest born child at the time of the contact (null if all unborn)',
  anyUnborn: 'An unborn child is named',
  underOneCount: 'Children under one year old, or unborn',
  anyUnderFive: 'A child under five, or unborn',
  anyInjury: 'An injury is recorded that a health professional has not confirmed as non-inflicted',
  injuredBabyCount: 'Born children under one with such an injury',
  nonMobileInjury: 'A child who is not independently mobile (or is under six months) has such an injury',
  nonMobileInjuredChildren: 'Which non-mobile children are injured',
  ten4FacesInjury: 'TEN-4-FACESp: a bruise or mark in a child under four on the torso, ears, neck, frenulum, angle of jaw, cheeks, eyelids or subconjunctivae; any bruise under five months; or a patterned bruise',
  concerningSiteInjury: 'An injury at any age on the eyes, ears, neck, buttocks, genitals or other non-bony soft tissue',
  patternedInjury: 'An injury with a hand, grip, ligature, implement or bite pattern',
  multipleInjuries: 'Injuries described as multiple or clustered',
  unsuitableExplanation: 'An injury with no explanation, or one assessed as implausible, inadequate, inconsistent or changing',
  headInjury: 'An injury to the head or face',
  childDisclosure: 'A child has disclosed harm',
  physicalPunishmentReported: 'Physical punishment of a child is reported',
  minimisingLanguage: 'The narrative uses language that minimises an assault ("chastisement", "smack", "discipline" …)',
  minimisingPhrases: 'The minimising phrases found',
  physicalAbuseConcern: 'CIN factor 18B or 18C (physical abuse) is raised',
  physicalAbuseByAdult: 'CIN factor 18C (physical abuse by an adult) is raised',
  concernRaised: 'A concern code other than 21 (no factors identified) is raised',
  sexualAbuseConcern: 'CIN factor 19B or 19C (sexual abuse) is raised',
  neglectConcern: 'CIN factor 16A (neglect) is raised',
  emotionalAbuseConcern: 'CIN factor 17A (emotional abuse) is raised',
  extraFamilialHarm: 'CIN factor 10A, 11A, 12A, 13A or 24A (missing, CSE, trafficking, gangs, CCE) is raised',
  fgmConcern: 'CIN factor 22A (female genital mutilation) is raised about a born child (a mother’s own FGM before birth is a risk, not FGM done to the child)',
  faithAbuseConcern: 'CIN factor 23A (abuse linked to faith or belief) is raised',
  fabricatedOrInducedIllness: 'Fabricated or induced illness is suspected',
  evidenceHeld: 'An agency holds photographs, a body map, video or a medical report',
  evidenceHeldKinds: 'The kinds of evidence held',
  domesticAbuse: 'Domestic abuse in the household (or CIN factor 3A–3C)',
  parentalSubstanceMisuse: 'Parental substance misuse (or CIN factor 1B, 2B)',
  parentalMentalHealth: 'Parental mental ill-health (or CIN factor 4B)',
  cpHistory: 'A child has a current or previous CP plan, a previous s47, a sibling on a plan, or a child previously removed',
  cpPlanCurrent: 'A child is on a child protection plan now',
  openCase: 'A child is open to children’s social care now (CP, CiN or looked after)',
  previousChildRemoved: 'A child of the family was previously removed',
  siblingUnexplainedDeath: 'A brother or sister died suddenly and unexpectedly, or of harm (from the contact or the case system)',
  adultViolenceHistory: 'An adult in the child’s life has a history of violence',
  uncheckedAdultCount: 'Adults named whose checks are not recorded as completed',
  allegedPerpetratorCount: 'Adults named as the alleged perpetrator',
  referrerSource: 'CIN referral source code',
  referrerGroup: 'professional, non_professional (CIN 1A–1D), anonymous (9) or unknown (10)',
  referrerSpokenTo: 'The screener has spoken to the referrer directly',
  priorContactsLast12Months: 'Most earlier contacts about any one of the children in the 12 months before this one',
  movedInPlan: 'The plan the family had in the authority it moved from: cp, cin, early_help or none',
  previousAuthorityNotified: 'The previous authority has been told of the move (null if not known)',
  speakableChildCount: 'Children who can be spoken with: born, and aged two or more or recorded as communicating',
  speakableChildren: 'Which children can be spoken with',
  harmConcern: 'The contact alleges harm: abuse, neglect, exploitation, a concerning injury, physical punishment, domestic abuse, a disclosure, or a person who poses a risk (sexual behaviour between children, 19B, counts only with more)',
  historyComplete: 'Every history source answered (false when the case system failed or timed out)',
  repeatContactThreshold: 'Setting: earlier contacts in 12 months that call for a review of the cumulative picture',
  repeatContactStrategyThreshold: 'Setting: earlier contacts in 12 months that call for a strategy discussion to be considered',
  nonMobileInjuryRoute: 'Setting: strategy_discussion, or health_appraisal_first, for injury to a non-mobile child',
  anyNonMobile: 'A born child is not independently mobile (or is under six months)',
  injuryNeedsMedicalCare: 'An injury needs medical care now: recorded so, or a fracture, burn, scald or head injury',
  childThreeOrOverCount: 'Children aged three or more, or younger and communicating: each to be spoken with, by other means if they do not speak',
  childrenThreeOrOver: 'Which children are aged three or more, or younger and communicating',
} as const;

/** Every fact a rule may name, with what it means: the core facts and each area's. */
export const FACT_CATALOGUE = {
  ...CORE_FACTS, ...PEOPLE_FACTS, ...HOUSEHOLD_FACTS, ...BIRTH_AND_MOVEMENT_FACTS, ...NEED_FACTS, ...OUTSIDE_HARM_FACTS,
  ...NEGLECT_FACTS, ...DISCLOSURE_FACTS,
} as const;

export type FactName = keyof typeof FACT_CATALOGUE;
export type FactValue = string | number | boolean | null | string[];
export type Facts = Record<FactName, FactValue>;

const TEN4_FACES_SITES = new Set(['torso', 'chest', 'abdomen', 'back', 'buttocks', 'genitals', 'ears', 'neck', 'frenulum', 'angle_of_jaw', 'cheeks', 'eyelids', 'subconjunctivae']);
const BRUISE_LIKE = new Set(['bruise', 'mark', 'petechiae']);
const CONCERNING_SITES = new Set(['eyelids', 'subconjunctivae', 'ears', 'neck', 'buttocks', 'genitals', 'cheeks', 'abdomen', 'frenulum']);
const HEAD_SITES = new Set(['scalp', 'forehead', 'face', 'cheeks', 'eyelids', 'subconjunctivae', 'ears', 'frenulum', 'angle_of_jaw', 'mouth']);
const IMPRINT_PATTERNS = new Set(['hand', 'grip', 'ligature', 'implement', 'bite']);
const UNSUITABLE = new Set(['none', 'implausible', 'inadequate', 'inconsistent', 'changing']);

const MINIMISING = [
  /\b(physical )?chastis\w*/gi, /\bsmack\w*/gi, /\bdisciplin\w*/gi, /\bslapp?\w*/gi, /\b(a|little|light) tap\b/gi,
  /\bclip round the (ear|head)\b/gi, /\breasonable punishment\b/gi, /\bplay[- ]?fight\w*/gi, /\brough[- ]?play\w*/gi,
  /\bjust a (bit of )?(smack|slap|tap)\b/gi, /\bnone of (their|your) business\b/gi,
];

export function findMinimisingPhrases(narrative: string): string[] {
  const found = new Set<string>();
  for (const pattern of MINIMISING) for (const m of narrative.matchAll(pattern)) found.add(m[0].toLowerCase());
  return [...found].sort();
}

const anyOf = (codes: readonly string[] | null | undefined, wanted: string[]) => (codes ?? []).some((c) => wanted.includes(c));

export interface DerivedContact {
  facts: Facts;
  children: DerivedChild[];
}

export function deriveFacts(input: ContactInput, history: HistoryEvidence, settings: AuthoritySettings): DerivedContact {
  const receivedDate = input.receivedAt.slice(0, 10);
  const children = input.children.map((child, i) => deriveChild(child, i, receivedDate));
  const born = children.filter((c) => !c.unborn);
  const concerns = input.concerns ?? [];
  const adults = input.adults ?? [];

  const histories = input.children.map((child, i) => mergeHistory(child.history ?? {}, history.caseSystem[i] ?? null));
  const someHistory = (key: keyof ChildHistory) => histories.some((h) => h[key] === true);

  const injuries = children.flatMap((c) => c.injuries.map((injury) => ({ child: c, injury })));
  const ten4 = injuries.some(({ child, injury }) => child.ageMonths !== null && child.ageMonths < 48 && BRUISE_LIKE.has(injury.type) && (
    injury.sites.some((s) => TEN4_FACES_SITES.has(s)) || child.ageMonths < 5 || (injury.pattern ?? []).some((p) => IMPRINT_PATTERNS.has(p))));
  const patterned = injuries.some(({ injury }) => injury.type === 'bite' || (injury.pattern ?? []).some((p) => IMPRINT_PATTERNS.has(p)));
  const nonMobileInjured = children.filter((c) => c.nonMobile && c.injuries.length > 0);

  const detail = input.domesticAbuseDetail ?? {};
  const domesticAbuse = input.household?.domesticAbuse === true || anyOf(concerns, ['3A', '3B', '3C'])
    || !!detail.dashRisk || Object.values(detail).some((v) => v === true);
  const physicalAbuseConcern = anyOf(concerns, ['18B', '18C']);
  const sexualAbuseConcern = anyOf(concerns, ['19B', '19C']);
  const extraFamilialHarm = anyOf(concerns, ['10A', '11A', '12A', '13A', '24A']);
  const childDisclosure = input.children.some((c) => c.disclosure === true);
  const physicalPunishmentReported = input.physicalPunishmentReported === true || Object.values(input.physicalPunishment ?? {}).some((v) => v === true);
  const unsuitableExplanation = injuries.some(({ injury }) => UNSUITABLE.has(injury.explanationAssessment ?? '') || (!injury.explanation && injury.explanationAssessment == null));
  const concerningSiteInjury = injuries.some(({ injury }) => injury.sites.some((s) => CONCERNING_SITES.has(s)));
  const minimisingPhrases = findMinimisingPhrases(input.narrative);
  const speakable = children.filter((c) => c.canBeSpokenWith);
  const threeOrOver = children.filter((c, i) => !c.unborn && ((c.ageMonths ?? 0) >= 36 || input.children[i]?.communicates === true));
  const area: AreaContext = { input, children, receivedDate };
  const areaFacts = {
    ...peopleFacts(area), ...householdFacts(area), ...birthAndMovementFacts(area), ...needFacts(area), ...outsideHarmFacts(area),
    ...neglectFacts(area), ...disclosureFacts(area),
  };
  const historyContacts = Math.max(0, ...histories.map((h) => h.contactsLast12Months ?? 0));
  const movement = input.movement;
  const movedInPlan = movement && (movement.movedIntoAreaOn || movement.previousAuthority) ? movement.planInPreviousAuthority ?? 'none' : 'none';
  const source = input.referrer.source;

  const facts: Facts = {
    immediateDanger: input.immediateDanger === true,
    childCount: children.length,
    youngestAgeDays: born.length ? Math.min(...born.map((c) => c.ageDays ?? Infinity)) : null,
    anyUnborn: children.some((c) => c.unborn),
    underOneCount: children.filter((c) => c.unborn || (c.ageDays ?? Infinity) < 365).length,
    anyUnderFive: children.some((c) => c.unborn || (c.ageMonths ?? Infinity) < 60),
    anyInjury: injuries.length > 0,
    injuredBabyCount: born.filter((c) => (c.ageDays ?? Infinity) < 365 && c.injuries.length > 0).length,
    nonMobileInjury: nonMobileInjured.length > 0,
    nonMobileInjuredChildren: nonMobileInjured.map((c) => c.label),
    ten4FacesInjury: ten4,
    concerningSiteInjury,
    patternedInjury: patterned,
    multipleInjuries: injuries.some(({ injury }) => (injury.pattern ?? []).some((p) => p === 'multiple' || p === 'cluster')),
    unsuitableExplanation,
    headInjury: injuries.some(({ injury }) => injury.type === 'head_injury' || injury.sites.some((s) => HEAD_SITES.has(s))),
    childDisclosure,
    physicalPunishmentReported,
    minimisingLanguage: minimisingPhrases.length > 0,
    minimisingPhrases,
    physicalAbuseConcern,
    physicalAbuseByAdult: concerns.includes('18C'),
    concernRaised: concerns.some((c) => c !== '21'),
    sexualAbuseConcern,
    neglectConcern: concerns.includes('16A'),
    emotionalAbuseConcern: concerns.includes('17A'),
    extraFamilialHarm,
    fgmConcern: concerns.includes('22A') && born.length > 0,
    faithAbuseConcern: concerns.includes('23A'),
    fabricatedOrInducedIllness: input.fabricatedOrInducedIllness === true,
    evidenceHeld: (input.evidenceHeld ?? []).length > 0,
    evidenceHeldKinds: [...(input.evidenceHeld ?? [])],
    domesticAbuse,
    parentalSubstanceMisuse: input.household?.substanceMisuse === true || anyOf(concerns, ['1B', '2B']),
    parentalMentalHealth: input.household?.parentalMentalHealth === true || concerns.includes('4B'),
    cpHistory: ['cpPlanCurrent', 'cpPlanPrevious', 'previousS47', 'siblingCpPlan', 'previousChildRemoved'].some((k) => someHistory(k as keyof ChildHistory)),
    cpPlanCurrent: someHistory('cpPlanCurrent'),
    openCase: someHistory('cpPlanCurrent') || someHistory('cinCurrent') || someHistory('lookedAfterCurrent'),
    previousChildRemoved: someHistory('previousChildRemoved'),
    adultViolenceHistory: adults.some((a) => a.violenceHistory === true),
    uncheckedAdultCount: adults.filter((a) => a.checksCompleted !== true).length,
    allegedPerpetratorCount: adults.filter((a) => a.allegedPerpetrator === true).length,
    referrerSource: source,
    referrerGroup: referrerGroup(source),
    referrerSpokenTo: input.referrer.spokenToDirectly === true,
    priorContactsLast12Months: Math.max(historyContacts, ...history.priorContacts),
    movedInPlan,
    previousAuthorityNotified: movement?.previousAuthorityNotified ?? null,
    speakableChildCount: speakable.length,
    speakableChildren: speakable.map((c) => c.label),
    harmConcern: physicalAbuseConcern || concerns.includes('19C') || extraFamilialHarm || areaFacts.freshDisclosure || physicalPunishmentReported
      || domesticAbuse || anyOf(concerns, ['16A', '17A', '22A', '23A']) || input.fabricatedOrInducedIllness === true
      || ten4 || patterned || concerningSiteInjury || unsuitableExplanation || nonMobileInjured.length > 0
      || areaFacts.adultPosingRiskWithAccess || areaFacts.newViolentAdult || areaFacts.excludedAdultPresent || areaFacts.planBreached
      || areaFacts.exploitationIndicators || areaFacts.basicNeedsUnmet || areaFacts.unsafeSleepIntoxicatedCarer
      || areaFacts.forcedMarriage || areaFacts.honourBasedViolence || areaFacts.fgmRisk || areaFacts.mentalIllnessAimedAtChild
      || areaFacts.sexualActivityUnder13 || areaFacts.fiiLevel === 'suspected' || areaFacts.fiiLevel === 'induced_harm',
    historyComplete: history.complete,
    repeatContactThreshold: settings.repeatContactThreshold,
    repeatContactStrategyThreshold: settings.repeatContactStrategyThreshold,
    nonMobileInjuryRoute: settings.nonMobileInjuryRoute,
    anyNonMobile: children.some((c) => c.nonMobile),
    injuryNeedsMedicalCare: injuries.some(({ injury }) => injury.needsMedicalCare === true || ['fracture', 'burn', 'scald', 'head_injury'].includes(injury.type)),
    childThreeOrOverCount: threeOrOver.length,
    childrenThreeOrOver: threeOrOver.map((c) => c.label),
    ...areaFacts,
    siblingUnexplainedDeath: someHistory('siblingUnexplainedDeath'),
  };
  return { facts, children };
}

/** A fact is true when any source says so: the contact or the case system. Absent stays unknown. */
function mergeHistory(entered: ChildHistory, fromCaseSystem: ChildHistory | null): ChildHistory {
  if (!fromCaseSystem) return entered;
  const merged: ChildHistory = { ...entered };
  for (const [key, value] of Object.entries(fromCaseSystem) as [keyof ChildHistory, unknown][]) {
    if (key === 'contactsLast12Months') {
      if (typeof value === 'number') merged.contactsLast12Months = Math.max(value, merged.contactsLast12Months ?? 0);
    } else if (value === true) merged[key] = true;
    else if (merged[key] == null && value === false) merged[key] = false;
  }
  return merged;
}
