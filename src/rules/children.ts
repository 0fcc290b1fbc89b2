import { countOf } from '../lib/plural.js';
import type { ChildInput, InjuryInput } from '../schemas/contact.schema.js';

/** What the rules need to know about one child, derived at the moment the contact was received. */
export interface DerivedChild {
  position: number;
  label: string;
  unborn: boolean;
  ageDays: number | null;
  ageMonths: number | null;
  /** Not independently mobile: recorded so, or under six months whatever is recorded (NICE CG89; LSCP protocols). */
  nonMobile: boolean;
  /** Born, and aged two or more or recorded as communicating (contract: speak_to_child). */
  canBeSpokenWith: boolean;
  /** Injuries not confirmed by a health professional as non-inflicted. */
  injuries: InjuryInput[];
}

export const NON_MOBILE_AGE_DAYS = 183;

function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A child's age as a screener says it: days under a month ("born today", "1 day", "12 days"), months under two years, then years and months. */
export function describeAge(ageMonths: number | null, ageDays: number | null): string {
  if (ageDays === null || ageMonths === null) return 'unborn';
  if (ageMonths < 1) return ageDays === 0 ? 'born today' : countOf(ageDays, 'day');
  if (ageMonths < 24) return countOf(ageMonths, 'month');
  const years = Math.floor(ageMonths / 12);
  const months = ageMonths % 12;
  return months ? `${countOf(years, 'year')} ${countOf(months, 'month')}` : countOf(years, 'year');
}

export function deriveChild(child: ChildInput, position: number, receivedDate: string): DerivedChild {
  const unborn = !child.dateOfBirth;
  const ageDays = child.dateOfBirth ? daysBetween(child.dateOfBirth, receivedDate) : null;
  const ageMonths = child.dateOfBirth ? wholeMonths(child.dateOfBirth, receivedDate) : null;
  const nonMobile = !unborn && (child.mobility === 'not_independently_mobile' || (ageDays !== null && ageDays < NON_MOBILE_AGE_DAYS));
  const canBeSpokenWith = !unborn && ((ageMonths ?? 0) >= 24 || child.communicates === true);
  const injuries = (child.injuries ?? []).filter((i) => i.healthConfirmedNonInflicted !== true);
  // Labels name children by position and age only: facts are shown in the audit trail, which carries no names.
  const label = `child ${position + 1} (${unborn ? `unborn, due ${child.expectedDateOfBirth}` : describeAge(ageMonths, ageDays)})`;
  return { position, label, unborn, ageDays, ageMonths, nonMobile, canBeSpokenWith, injuries };
}
