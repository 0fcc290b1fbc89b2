import type { FieldError } from '../../domain/errors.js';
import type { FieldErrors } from '../components.js';
import { inWords } from '../messages.js';

const WORDS: Record<string, string> = {
  receivedAt: 'the date and time the contact was received', channel: 'how the contact was received', immediateDanger: 'Immediate danger',
  referrer: 'Referrer', source: 'who they are', name: 'name', organisation: 'organisation', role: 'role',
  relationshipToChild: 'relationship to the child', spokenToDirectly: 'spoken to directly',
  personId: 'person id', nhsNumber: 'NHS number', givenName: 'given name', familyName: 'family name',
  dateOfBirth: 'date of birth', expectedDateOfBirth: 'expected date of birth', sex: 'sex', ethnicity: 'ethnicity',
  mobility: 'mobility', injuries: 'injury', sites: 'sites', pattern: 'pattern', explanation: 'explanation',
  explanationAssessment: 'explanation assessment', concerns: 'the concerns', narrative: 'what the referrer said',
  movement: 'Move', movedIntoAreaOn: 'date moved in', previousAuthority: 'previous authority', planInPreviousAuthority: 'plan',
  evidenceHeld: 'Evidence held', children: 'Children', adults: 'Adults',
  disclosureKind: 'what the child disclosed', disclosureAbout: 'whom the disclosure is about',
  missingEpisodesLast12Months: 'times reported missing in the last 12 months', history: 'history',
  contactsLast12Months: 'earlier contacts in the last 12 months', releaseOrMoveInOn: 'date of release or moving in',
  fii: 'Fabricated or induced illness', domesticAbuseDetail: 'Domestic abuse', dashRisk: 'DASH risk level',
  incidentsLast12Months: 'incidents in the last 12 months', neglect: 'Neglect', wasNotBrought: 'appointments not brought to',
  emergencyAttendances: 'emergency department visits', honourBasedAbuse: 'Honour-based abuse', travelAbroadOn: 'date of travel abroad',
};

/** Questions answered by choosing, so a missing answer reads "Select …". */
const CHOSEN = new Set(['channel', 'source', 'sex', 'ethnicity', 'mobility', 'type', 'sites', 'pattern', 'explanationAssessment', 'disclosureKind', 'disclosureAbout', 'role', 'planInPreviousAuthority', 'dashRisk', 'concerns', 'fii', 'evidenceHeld']);
const DATES = new Set(['receivedAt', 'dateOfBirth', 'expectedDateOfBirth', 'movedIntoAreaOn', 'releaseOrMoveInOn', 'travelAbroadOn']);

/** From an API field path to the form field's id and a message, naming the question, that a screener can act on. */
export function formErrors(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const { path, message } of errors) {
    const parts = path.split('/').filter(Boolean);
    const idParts: string[] = [];
    const words: string[] = [];
    let whose = '';
    let last = parts[0] ?? '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      const next = parts[i + 1] ?? '';
      if ((part === 'children' || part === 'adults') && /^\d+$/.test(next)) {
        idParts.push(part, next);
        whose = ` for ${part === 'children' ? 'child' : 'adult'} ${Number(parts[i + 1]) + 1}`;
        i++;
      } else if (part === 'injuries') {
        idParts.push('injury');
        words.push('the injury');
        if (/^\d+$/.test(parts[i + 1] ?? '')) i++;
      } else if (!/^\d+$/.test(part)) {
        idParts.push(part);
        words.push(WORDS[part] ?? part);
        last = part;
      }
    }
    const id = parts[0] === 'receivedAt' ? 'receivedDate' : idParts.join('-');
    const what = parts[0] === 'referrer' && last === 'source' ? 'who the referrer is' : `${words.join(' ').replace(/^(\w)/, (c) => c.toLowerCase())}${whose}`;
    if (parts[0] === 'receivedAt' && /instant|undefined|date/i.test(message)) {
      out[id] ??= 'Enter the date and time the contact was received: a real date, and a time like 09:20';
      continue;
    }
    if (last === 'dateOfBirth' && /YYYY-MM-DD|calendar date|give a date of birth/.test(message)) {
      out[id] ??= `Enter the date of birth${whose} as a date like 28 7 2026, or an age like 4 months or 2 years`;
      continue;
    }
    out[id] ??= inWords({ what, kind: CHOSEN.has(last) ? 'choose' : DATES.has(last) ? 'date' : 'enter' }, message);
  }
  return out;
}
