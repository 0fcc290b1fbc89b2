import { anyCode, type AreaContext } from './context.js';

/** Domestic abuse by severity (Domestic Abuse Act 2021 s3; SafeLives DASH and MARAC) and parental mental illness. */
export const HOUSEHOLD_FACTS = {
  dashRisk: 'The DASH risk level: standard, medium or high (null when not assessed)',
  domesticAbuseHighRisk: 'Domestic abuse at high risk: DASH high, non-fatal strangulation or a weapon',
  domesticAbuseStrangulation: 'Non-fatal strangulation or suffocation',
  domesticAbuseWeapon: 'A weapon was used or threatened in the domestic abuse',
  domesticAbuseChildHurtOrPresent: 'A child was hurt in, or saw, heard or was present at, the domestic abuse',
  domesticAbuseChildHurt: 'A child was hurt or caught up in the domestic abuse',
  domesticAbusePregnancy: 'The victim of domestic abuse is pregnant, or an unborn child is named',
  domesticAbuseIncidents: 'Domestic abuse incidents known in the last 12 months',
  psychosis: 'A parent or carer has psychosis, delusions or hallucinations',
  mentalIllnessAimedAtChild: 'A parent’s beliefs, voices or intentions involve harming the child',
  refusingTreatment: 'A parent with mental illness refuses or has disengaged from treatment',
  parentSuicidal: 'A parent or carer has suicidal thoughts or has attempted suicide',
  protectiveAdultPresent: 'A non-abusing adult who can and will protect the child is in the household (null when not known)',
} as const;

/** Domestic abuse is recorded by the household flag, the census codes 3A–3C, or any detail of it. */
export function householdFacts({ input, children }: AreaContext) {
  const da = input.domesticAbuseDetail ?? {};
  const mh = input.mentalHealthDetail ?? {};
  const domesticAbuse = input.household?.domesticAbuse === true || anyCode(input.concerns, ['3A', '3B', '3C'])
    || !!da.dashRisk || Object.values(da).some((v) => v === true);
  return {
    dashRisk: da.dashRisk ?? null,
    domesticAbuseHighRisk: da.dashRisk === 'high' || da.strangulation === true || da.weapon === true,
    domesticAbuseStrangulation: da.strangulation === true,
    domesticAbuseWeapon: da.weapon === true,
    domesticAbuseChildHurtOrPresent: da.childHurt === true || da.childPresent === true,
    domesticAbuseChildHurt: da.childHurt === true,
    domesticAbusePregnancy: domesticAbuse && (da.pregnant === true || children.some((c) => c.unborn)),
    domesticAbuseIncidents: da.incidentsLast12Months ?? null,
    psychosis: mh.psychoticFeatures === true,
    mentalIllnessAimedAtChild: mh.beliefsAboutChild === true,
    refusingTreatment: mh.refusingTreatment === true,
    parentSuicidal: mh.suicidal === true,
    protectiveAdultPresent: input.protectiveAdultPresent ?? null,
  };
}
