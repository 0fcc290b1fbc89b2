import { isCalendarDate } from '../lib/dates.js';
import { zonedInstant } from '../lib/working-days.js';
import type { FieldError } from '../domain/errors.js';
import type { FieldErrors } from './components.js';
import { EARLIER_CONTACTS, POSES_RISK } from './labels.js';

/** The submitted form: every field by its name, repeated fields (checkboxes) as lists. */
export type FormValues = Record<string, string | string[]>;

export const MAX_FORM_CHILDREN = 20;
export const MAX_FORM_ADULTS = 20;

export function value(form: FormValues, name: string): string {
  const v = form[name];
  return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
}

export function values(form: FormValues, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
}

export function count(form: FormValues, name: string, max: number): number {
  const n = Number.parseInt(value(form, name), 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), max) : 1;
}

const text = (form: FormValues, name: string) => value(form, name) || undefined;
const yesNo = (form: FormValues, name: string) => ({ yes: true, no: false } as Record<string, boolean>)[value(form, name)];
/** Ticked boxes as true; boxes that only reveal questions are left out. */
const flags = (form: FormValues, name: string, revealOnly: readonly string[] = []) =>
  Object.fromEntries(values(form, name).filter((k) => !revealOnly.includes(k)).map((k) => [k, true]));
/** A count as a number; anything else is passed on as typed, for the API's schema to refuse with a message. */
const whole = (form: FormValues, name: string): number | string | undefined => {
  const v = value(form, name).replace(/[,\s]/g, '');
  if (!v) return undefined;
  return /^\d{1,6}$/.test(v) ? Number(v) : value(form, name);
};
/** A section of the contact, or nothing when none of its questions was answered. */
const section = <T extends Record<string, unknown>>(record: T): T | undefined => {
  const pruned = prune(record);
  return Object.keys(pruned).length ? pruned : undefined;
};

export function dateFrom(form: FormValues, name: string): string | undefined {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => value(form, `${name}.${p}`));
  if (!d && !m && !y) return undefined;
  return `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

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
      dateOfBirth: dateFrom(form, `${p}.dateOfBirth`),
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

  const adults = Array.from({ length: adultCount }, (_, i) => {
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
    channel: text(form, 'channel'),
    immediateDanger: yesNo(form, 'immediateDanger'),
    alreadyActedOn: yesNo(form, 'alreadyActedOn'),
    referrer: prune({
      source: text(form, 'referrer.source'),
      name: text(form, 'referrer.name'),
      organisation: text(form, 'referrer.organisation'),
      role: text(form, 'referrer.role'),
      relationshipToChild: text(form, 'referrer.relationshipToChild'),
      spokenToDirectly: yesNo(form, 'referrer.spokenToDirectly'),
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

function prune<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const WORDS: Record<string, string> = {
  receivedAt: 'Date and time received', channel: 'How it was received', immediateDanger: 'Immediate danger',
  referrer: 'Referrer', source: 'who they are', name: 'name', organisation: 'organisation', role: 'role',
  relationshipToChild: 'relationship to the child', spokenToDirectly: 'spoken to directly',
  personId: 'person id', nhsNumber: 'NHS number', givenName: 'given name', familyName: 'family name',
  dateOfBirth: 'date of birth', expectedDateOfBirth: 'expected date of birth', sex: 'sex', ethnicity: 'ethnicity',
  mobility: 'mobility', injuries: 'injury', sites: 'sites', pattern: 'pattern', explanation: 'explanation',
  explanationAssessment: 'explanation assessment', concerns: 'Concerns', narrative: 'What the referrer said',
  movement: 'Move', movedIntoAreaOn: 'date moved in', previousAuthority: 'previous authority', planInPreviousAuthority: 'plan',
  evidenceHeld: 'Evidence held', children: 'Children', adults: 'Adults',
  disclosureKind: 'what the child disclosed', disclosureAbout: 'whom the disclosure is about',
  missingEpisodesLast12Months: 'times reported missing in the last 12 months', history: 'history',
  contactsLast12Months: 'earlier contacts in the last 12 months', releaseOrMoveInOn: 'date of release or moving in',
  fii: 'Fabricated or induced illness', domesticAbuseDetail: 'Domestic abuse', dashRisk: 'DASH risk level',
  incidentsLast12Months: 'incidents in the last 12 months', neglect: 'Neglect', wasNotBrought: 'appointments not brought to',
  emergencyAttendances: 'emergency department visits', honourBasedAbuse: 'Honour-based abuse', travelAbroadOn: 'date of travel abroad',
};

/** Zod's words for a count, in the screener's. */
function friendlyMessage(message: string): string {
  if (/YYYY-MM-DD|real calendar date/.test(message)) return 'must be a real date';
  const max = /expected number to be <=\s*(\d+)/.exec(message);
  if (max) return `must be ${max[1]} or fewer`;
  if (/expected number/.test(message)) return 'must be a whole number, like 3';
  return message;
}

/** From an API field path to the form field's id and a message a screener can act on. */
export function formErrors(errors: FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of errors) {
    const parts = path.split('/').filter(Boolean);
    let id: string;
    let label: string;
    if (parts[0] === 'receivedAt') {
      id = 'receivedDate';
      label = WORDS.receivedAt!;
    } else {
      const idParts: string[] = [];
      const words: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if ((part === 'children' || part === 'adults') && /^\d+$/.test(parts[i + 1] ?? '')) {
          idParts.push(part, parts[i + 1]!);
          words.push(`${part === 'children' ? 'Child' : 'Adult'} ${Number(parts[i + 1]) + 1}`);
          i++;
        } else if (part === 'injuries') {
          idParts.push('injury');
          words.push('injury');
          if (/^\d+$/.test(parts[i + 1] ?? '')) i++;
        } else if (/^\d+$/.test(part)) {
          continue;
        } else {
          idParts.push(part);
          words.push(WORDS[part] ?? part);
        }
      }
      id = idParts.join('-');
      label = words.join(' ');
    }
    out[id] ??= `${label.charAt(0).toUpperCase()}${label.slice(1)} ${friendlyMessage(message)}`;
  }
  return out;
}
