import { isCalendarDate } from '../../lib/dates.js';
import { zonedInstant } from '../../lib/working-days.js';
import { EARLIER_CONTACTS, POSES_RISK } from '../labels.js';
import { count, MAX_FORM_ADULTS, MAX_FORM_CHILDREN, value, values, type FormValues } from '../form-values.js';
import { channelCode, LIVES_WITH_ROLES, SPOKEN_BY_CHANNEL } from './contact-form-labels.js';
import { dateOrAge } from './date-or-age.js';
import { dateFrom, flags, prune, section, text, whole, withHousehold, yesNo } from './form-readers.js';

/** Turns the form into the API's contact shape; the API's own schema then judges it. */
export function contactFromForm(form: FormValues, timeZone: string): Record<string, unknown> {
  const childCount = count(form, 'childCount', MAX_FORM_CHILDREN);
  const adultCount = count(form, 'adultCount', MAX_FORM_ADULTS);
  const receivedDate = dateFrom(form, 'receivedDate');
  const receivedTime = value(form, 'receivedTime');
  let receivedAt: string | undefined;
  if (receivedDate && isCalendarDate(receivedDate) && /^([01]?\d|2[0-3]):[0-5]\d$/.test(receivedTime)) {
    receivedAt = zonedInstant(receivedDate, receivedTime.padStart(5, '0'), timeZone).toISOString();
  } else if (receivedDate || receivedTime) {
    receivedAt = `${receivedDate ?? ''}T${receivedTime}`;
  }

  const children = Array.from({ length: childCount }, (_, i) => {
    const p = `children.${i}`;
    const injuryType = value(form, `${p}.injury.type`);
    return prune({
      personId: text(form, `${p}.personId`),
      nhsNumber: text(form, `${p}.nhsNumber`)?.replace(/\s+/g, ''),
      givenName: text(form, `${p}.givenName`),
      familyName: text(form, `${p}.familyName`),
      dateOfBirth: dateFrom(form, `${p}.dateOfBirth`) ?? dateOrAge(value(form, `${p}.dateOfBirth`), receivedDate),
      expectedDateOfBirth: dateFrom(form, `${p}.expectedDateOfBirth`),
      sex: text(form, `${p}.sex`),
      ethnicity: text(form, `${p}.ethnicity`),
      mobility: text(form, `${p}.mobility`),
      disability: yesNo(form, `${p}.disability`),
      communicates: yesNo(form, `${p}.communicates`),
      disclosure: yesNo(form, `${p}.disclosure`),
      disclosureKind: text(form, `${p}.disclosureKind`),
      disclosureAbout: text(form, `${p}.disclosureAbout`),
      disclosureAlreadyActedOn: yesNo(form, `${p}.disclosureAlreadyActedOn`),
      sexualActivityReported: yesNo(form, `${p}.sexualActivityReported`),
      missingEpisodesLast12Months: whole(form, `${p}.missingEpisodesLast12Months`),
      unaccompanied: yesNo(form, `${p}.unaccompanied`),
      homeless: yesNo(form, `${p}.homeless`),
      needsAccommodationTonight: yesNo(form, `${p}.needsAccommodationTonight`),
      privatelyFostered: yesNo(form, `${p}.privatelyFostered`),
      youngCarer: yesNo(form, `${p}.youngCarer`),
      injuries: injuryType ? [prune({
        type: injuryType,
        sites: values(form, `${p}.injury.sites`),
        pattern: values(form, `${p}.injury.pattern`),
        explanation: text(form, `${p}.injury.explanation`),
        explanationAssessment: text(form, `${p}.injury.explanationAssessment`),
        healthConfirmedNonInflicted: yesNo(form, `${p}.injury.healthConfirmedNonInflicted`),
        needsMedicalCare: yesNo(form, `${p}.injury.needsMedicalCare`),
      })] : [],
      history: prune({ ...flags(form, `${p}.history`, [EARLIER_CONTACTS]), contactsLast12Months: whole(form, `${p}.history.contactsLast12Months`) }),
    });
  });

  const described = Array.from({ length: adultCount }, (_, i) => {
    const p = `adults.${i}`;
    return prune({
      role: text(form, `${p}.role`),
      personId: text(form, `${p}.personId`),
      ...flags(form, `${p}.flags`, [POSES_RISK]),
      harmedChildBefore: yesNo(form, `${p}.harmedChildBefore`),
      sexualRiskToChildren: yesNo(form, `${p}.sexualRiskToChildren`),
      managedUnderMappa: yesNo(form, `${p}.managedUnderMappa`),
      hasAccessToChild: yesNo(form, `${p}.hasAccessToChild`),
      releaseOrMoveInOn: dateFrom(form, `${p}.releaseOrMoveInOn`),
      worksWithChildren: yesNo(form, `${p}.worksWithChildren`),
      excludedByPlan: yesNo(form, `${p}.excludedByPlan`),
    });
  }).filter((a) => Object.keys(a).length > 0);
  const adults = withHousehold(LIVES_WITH_ROLES[value(form, 'livesWith')] ?? [], described);
  const channel = value(form, 'channel');

  const movement = section({
    movedIntoAreaOn: dateFrom(form, 'movement.movedIntoAreaOn'),
    previousAuthority: text(form, 'movement.previousAuthority'),
    planInPreviousAuthority: text(form, 'movement.planInPreviousAuthority'),
    previousAuthorityNotified: yesNo(form, 'movement.previousAuthorityNotified'),
    whereaboutsKnown: yesNo(form, 'movement.whereaboutsKnown'),
    movedToAvoidServices: yesNo(form, 'movement.movedToAvoidServices'),
    planBreached: yesNo(form, 'movement.planBreached'),
  });
  const yesNos = (prefix: string, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, yesNo(form, `${prefix}.${n}`)]));

  return prune({
    receivedAt,
    channel: channelCode(channel) || undefined,
    immediateDanger: yesNo(form, 'immediateDanger'),
    alreadyActedOn: yesNo(form, 'alreadyActedOn'),
    referrer: prune({
      source: text(form, 'referrer.source'),
      name: text(form, 'referrer.name'),
      organisation: text(form, 'referrer.organisation'),
      role: text(form, 'referrer.role'),
      relationshipToChild: text(form, 'referrer.relationshipToChild'),
      spokenToDirectly: yesNo(form, 'referrer.spokenToDirectly') ?? SPOKEN_BY_CHANNEL[channel],
    }),
    children,
    adults,
    concerns: values(form, 'concerns'),
    protectiveAdultPresent: yesNo(form, 'protectiveAdultPresent'),
    physicalPunishmentReported: yesNo(form, 'physicalPunishmentReported'),
    physicalPunishment: section(yesNos('physicalPunishment', ['implement', 'toHead', 'repeated'])),
    fabricatedOrInducedIllness: yesNo(form, 'fabricatedOrInducedIllness'),
    fii: text(form, 'fii'),
    evidenceHeld: values(form, 'evidenceHeld'),
    household: flags(form, 'household'),
    domesticAbuseDetail: section({
      dashRisk: text(form, 'domesticAbuseDetail.dashRisk'),
      ...yesNos('domesticAbuseDetail', ['strangulation', 'weapon', 'childPresent', 'childHurt', 'pregnant']),
      incidentsLast12Months: whole(form, 'domesticAbuseDetail.incidentsLast12Months'),
    }),
    mentalHealthDetail: section(yesNos('mentalHealthDetail', ['psychoticFeatures', 'beliefsAboutChild', 'refusingTreatment', 'suicidal'])),
    exploitation: section(yesNos('exploitation', ['foundWithUnknownAdults', 'drugsOrCash', 'homeTakenOver', 'onlineSexualExtortion', 'suicidalThoughts'])),
    neglect: section({
      wasNotBrought: whole(form, 'neglect.wasNotBrought'),
      emergencyAttendances: whole(form, 'neglect.emergencyAttendances'),
      ...yesNos('neglect', ['unsafeSleepIntoxicatedCarer', 'basicNeedsUnmet']),
    }),
    honourBasedAbuse: section({
      ...yesNos('honourBasedAbuse', ['forcedMarriage', 'honourBasedViolence', 'fgmRisk']),
      travelAbroadOn: dateFrom(form, 'honourBasedAbuse.travelAbroadOn'),
    }),
    concealedPregnancy: yesNo(form, 'concealedPregnancy'),
    movement,
    narrative: text(form, 'narrative'),
  });
}
