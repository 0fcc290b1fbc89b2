import type { ContactInput } from '../../schemas/contact.schema.js';
import type { DerivedChild } from '../children.js';

/** What every area's facts are derived from: the contact, its children as derived, and the day it was received. */
export interface AreaContext {
  input: ContactInput;
  children: DerivedChild[];
  receivedDate: string;
}

export type AreaFacts = Record<string, string | number | boolean | null | string[]>;

/** Days from the contact to a date: negative when the date has passed, null when there is none. */
export function daysFrom(receivedDate: string, date: string | null | undefined): number | null {
  if (!date) return null;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${receivedDate}T00:00:00Z`)) / 86_400_000);
}

/** The smallest of the numbers that are known, or null. */
export function soonest(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.min(...known) : null;
}

export const anyCode = (codes: readonly string[] | null | undefined, wanted: readonly string[]) => (codes ?? []).some((c) => wanted.includes(c));
