/** Dates and instants outside these years are typing errors, and some (year 0001, 9999-12-31 + 1 day) break date arithmetic. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** True when the ISO date or instant starts with a year in [FIRST_YEAR, LAST_YEAR]. */
export function inPlausibleYears(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return /^\d{4}-/.test(iso) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** True for a real calendar date written YYYY-MM-DD (not 2021-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** An instant as stored (Date from pg, string from a fresh row) in ISO form; null stays null. */
export function isoInstant(v: Date | string): string;
export function isoInstant(v: Date | string | null): string | null;
export function isoInstant(v: Date | string | null): string | null {
  return v === null ? null : new Date(v).toISOString();
}
