import { isCalendarDate } from '../../lib/dates.js';

/**
 * A child's date of birth typed in one box: a date ("28 7 2026",
 * "28/07/2026", "2026-07-28") or, when the referrer knows only an age, the
 * age ("4 months", "2 years", "3 weeks"), counted back from the day the
 * contact came in. Anything else is passed on as typed, for the API's schema
 * to refuse with a message.
 */
const AGE = /^(?:about\s+)?(\d{1,2})\s*(d|days?|w|wks?|weeks?|m|mths?|months?|y|yrs?|years?)(?:\s+old)?$/i;

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

export function dateOrAge(typed: string, receivedDate: string | undefined): string | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}`;
  const dmy = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${pad(dmy[2] ?? '')}-${pad(dmy[1] ?? '')}`;
  const age = AGE.exec(text);
  if (age && receivedDate && isCalendarDate(receivedDate)) return ageBack(receivedDate, Number(age[1]), (age[2] ?? '').charAt(0).toLowerCase());
  return text;
}

/** The date `n` days, weeks, months or years before `from`; a day past the month's end is its last day (31 May less 3 months is 28 February). */
function ageBack(from: string, n: number, unit: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  if (unit === 'd' || unit === 'w') {
    const date = new Date(Date.UTC(y, m - 1, d - n * (unit === 'w' ? 7 : 1)));
    return date.toISOString().slice(0, 10);
  }
  const months = y * 12 + (m - 1) - n * (unit === 'y' ? 12 : 1);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Whole months from a date of birth to the contact's date, or null when either is not a date. */
export function monthsOld(dateOfBirth: string | undefined, receivedDate: string | undefined): number | null {
  if (!dateOfBirth || !receivedDate || !isCalendarDate(dateOfBirth) || !isCalendarDate(receivedDate)) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = receivedDate.split('-').map(Number) as [number, number, number];
  return (ry - by) * 12 + (rm - bm) - (rd < bd ? 1 : 0);
}
