/**
 * Working-day arithmetic in an authority's own time zone. A deadline of N
 * working days ends at the close of working hours on the Nth working day
 * after the day of receipt; a contact that arrives after hours or on a
 * non-working day is taken to arrive on the next working day.
 */
export interface WorkingCalendar {
  timeZone: string;
  workingHours: { start: string; end: string };
  nonWorkingDays: ReadonlySet<string>;
}

interface LocalParts { date: string; minutes: number; weekday: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC (ms) at `ms`, read from the formatter (slow: it formats the instant into parts). */
function offsetFromFormatter(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const shownAsUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return shownAsUtc - (ms - (ms % 1000));
}

const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, number>();

/**
 * The zone's offset at an instant, remembered per zone and quarter hour: a
 * deadline, a due date and a working-day count each ask several times a
 * request, and the formatter was a measurable part of a triage's CPU
 * (issue 19). A quarter hour is remembered only when its first and last
 * milliseconds have the same offset, so a transition inside it (every
 * modern one falls on a quarter hour, but old ones need not) is never
 * smoothed over: such a quarter hour is read from the formatter each time.
 */
function offsetAt(ms: number, timeZone: string): number {
  const start = ms - (((ms % QUARTER_HOUR_MS) + QUARTER_HOUR_MS) % QUARTER_HOUR_MS);
  const key = `${timeZone}@${start}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = offsetFromFormatter(start, timeZone);
  if (offsetFromFormatter(start + QUARTER_HOUR_MS - 1, timeZone) !== offset) return offsetFromFormatter(ms, timeZone);
  if (offsets.size >= 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function localParts(instant: Date, timeZone: string): LocalParts & { seconds: number } {
  const shown = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return {
    date: shown.toISOString().slice(0, 10),
    minutes: shown.getUTCHours() * 60 + shown.getUTCMinutes(),
    seconds: shown.getUTCSeconds(),
    weekday: shown.getUTCDay(),
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant at which the wall clock in `timeZone` shows `date` `hhmm`. */
export function zonedInstant(date: string, hhmm: string, timeZone: string): Date {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const local = localParts(instant, timeZone);
    const shownAsUtc = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000 + local.seconds * 1000;
    instant = new Date(instant.getTime() - (shownAsUtc - guess.getTime()));
  }
  return instant;
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.nonWorkingDays.has(date);
}

function nextWorkingDay(date: string, calendar: WorkingCalendar): string {
  let d = addCalendarDays(date, 1);
  while (!isWorkingDay(d, calendar)) d = addCalendarDays(d, 1);
  return d;
}

/** The close of working hours `workingDays` working days after `from`. */
export function addWorkingDays(from: Date, workingDays: number, calendar: WorkingCalendar): Date {
  const local = localParts(from, calendar.timeZone);
  let day = local.date;
  if (!isWorkingDay(day, calendar) || local.minutes >= toMinutes(calendar.workingHours.end)) {
    day = nextWorkingDay(day, calendar);
  }
  for (let i = 0; i < workingDays; i++) day = nextWorkingDay(day, calendar);
  return zonedInstant(day, calendar.workingHours.end, calendar.timeZone);
}

/** Whole working days between two instants' local dates (0 when the same day). */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let day = localParts(from, calendar.timeZone).date;
  const end = localParts(to, calendar.timeZone).date;
  let count = 0;
  while (day < end) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) count++;
  }
  return count;
}

export function localDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}
