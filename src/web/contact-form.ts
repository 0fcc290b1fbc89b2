import { isCalendarDate } from '../lib/dates.js';
import { zonedInstant } from '../lib/working-days.js';
import type { FieldError } from '../domain/errors.js';
import type { FieldErrors } from './components.js';

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
const flags = (form: FormValues, name: string) => Object.fromEntries(values(form, name).map((k) => [k, true]));

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
      injuries: injuryType ? [prune({
        type: injuryType,
        sites: values(form, `${p}.injury.sites`),
        pattern: values(form, `${p}.injury.pattern`),
        explanation: text(form, `${p}.injury.explanation`),
        explanationAssessment: text(form, `${p}.injury.explanationAssessment`),
        healthConfirmedNonInflicted: yesNo(form, `${p}.injury.healthConfirmedNonInflicted`),
      })] : [],
      history: flags(form, `${p}.history`),
    });
  });

  const adults = Array.from({ length: adultCount }, (_, i) => {
    const p = `adults.${i}`;
    return prune({ role: text(form, `${p}.role`), personId: text(form, `${p}.personId`), ...flags(form, `${p}.flags`) });
  }).filter((a) => Object.keys(a).length > 0);

  const movement = prune({
    movedIntoAreaOn: dateFrom(form, 'movement.movedIntoAreaOn'),
    previousAuthority: text(form, 'movement.previousAuthority'),
    planInPreviousAuthority: text(form, 'movement.planInPreviousAuthority'),
    previousAuthorityNotified: yesNo(form, 'movement.previousAuthorityNotified'),
  });

  return prune({
    receivedAt,
    channel: text(form, 'channel'),
    immediateDanger: yesNo(form, 'immediateDanger'),
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
    physicalPunishmentReported: yesNo(form, 'physicalPunishmentReported'),
    fabricatedOrInducedIllness: yesNo(form, 'fabricatedOrInducedIllness'),
    evidenceHeld: values(form, 'evidenceHeld'),
    household: flags(form, 'household'),
    movement: Object.keys(movement).length ? movement : undefined,
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
};

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
    const friendly = /YYYY-MM-DD|real calendar date/.test(message) ? 'must be a real date' : message;
    out[id] ??= `${label.charAt(0).toUpperCase()}${label.slice(1)} ${friendly}`;
  }
  return out;
}
