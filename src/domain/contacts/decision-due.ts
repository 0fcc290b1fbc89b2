import { addWorkingDays, type WorkingCalendar } from '../../lib/working-days.js';
import type { ResolvedSettings, UrgencyClock } from '../../rules/settings.js';
import { URGENCIES, type Priority, type Urgency } from '../../schemas/codes.js';

/** When a clock started at `from` runs out: after so many clock hours, or at the close of the Nth working day. */
export function clockRunsOut(from: Date, clock: UrgencyClock, calendar: WorkingCalendar): Date {
  return 'hours' in clock ? new Date(from.getTime() + clock.hours * 3_600_000) : addWorkingDays(from, clock.workingDays, calendar);
}

/**
 * When the decision on a contact is due. A child in immediate danger: at
 * once. Otherwise by the clock of the urgency the triage suggests, from
 * receipt; a triage made without a response table has no urgency and keeps
 * the authority's timescale for its priority, as it was when it was made.
 */
export function decisionDueBy(receivedAt: Date, triage: { priority: Priority; urgency: Urgency | null }, immediateDanger: boolean, settings: ResolvedSettings): Date {
  if (immediateDanger) return receivedAt;
  if (triage.urgency === null) return addWorkingDays(receivedAt, settings.values.decisionTimescales[triage.priority], settings.calendar);
  return clockRunsOut(receivedAt, settings.values.urgencyClocks[triage.urgency], settings.calendar);
}

/**
 * When a manager's review of a departure is due: within the authority's
 * review timescale for the priority, and never later than the clock of the
 * most urgent of the suggested and the chosen urgency, counted from the
 * decision.
 */
export function reviewDueBy(decidedAt: Date, priority: Priority, urgencies: readonly (Urgency | null)[], settings: ResolvedSettings): Date {
  const byPriority = addWorkingDays(decidedAt, settings.values.reviewTimescales[priority], settings.calendar);
  const mostUrgent = URGENCIES.find((u) => urgencies.includes(u));
  if (!mostUrgent) return byPriority;
  const byUrgency = clockRunsOut(decidedAt, settings.values.urgencyClocks[mostUrgent], settings.calendar);
  // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.min would answer a number
  return byUrgency < byPriority ? byUrgency : byPriority;
}
