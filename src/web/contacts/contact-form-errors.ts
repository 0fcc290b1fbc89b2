import type { FieldError } from '../../domain/errors.js';
import type { FieldErrors } from '../components.js';

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
