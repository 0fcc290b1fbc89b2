import { describe, expect, it } from 'vitest';
import { addWorkingDays, localDate, zonedInstant, type WorkingCalendar } from '../../../src/lib/working-days.js';

/** The local date and time straight from Intl, with nothing remembered: what the remembered offsets must agree with. */
function shownBy(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Every minute for `hours` either side of `around`. */
function minutesAround(around: string, hours: number): Date[] {
  const centre = Date.parse(around);
  return Array.from({ length: hours * 120 + 1 }, (_, i) => new Date(centre + (i - hours * 60) * 60_000));
}

describe('working days: local times with remembered zone offsets', () => {
  const cases: [string, string][] = [
    ['Europe/London', '2026-03-29T01:00:00Z'], // clocks forward (local midnight within the window)
    ['Europe/London', '2026-10-25T01:00:00Z'], // clocks back
    ['Asia/Kathmandu', '2026-06-01T18:15:00Z'], // +05:45, local midnight on a quarter hour
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour daylight saving shift
    ['Europe/London', '1847-12-01T00:01:15Z'], // London's move from local mean time, not on a quarter hour
  ];

  it.each(cases)('gives the same local date as Intl every minute around a change in %s (%s)', (zone, around) => {
    const instants = minutesAround(around, 3);
    expect(instants.map((at) => localDate(at, zone))).toEqual(instants.map((at) => shownBy(at, zone).slice(0, 10)));
  });

  it('turns a local date and time back into the instant Intl shows it at, either side of the clocks changing', () => {
    for (const [date, hhmm, zone] of [['2026-03-28', '17:00', 'Europe/London'], ['2026-03-30', '17:00', 'Europe/London'], ['2026-10-26', '09:30', 'Europe/London'], ['2026-06-02', '00:00', 'Asia/Kathmandu']] as const) {
      expect(shownBy(zonedInstant(date, hhmm, zone), zone)).toBe(`${date}T${hhmm}`);
    }
  });

  it('ends a deadline at the close of the working day, in local time across the change to summer time', () => {
    const calendar: WorkingCalendar = { timeZone: 'Europe/London', workingHours: { start: '09:00', end: '17:00' }, nonWorkingDays: new Set() };
    // Friday 27 March 2026 at 16:00 GMT; one working day on is Monday 30 March, which closes at 17:00 BST (16:00 UTC).
    expect(addWorkingDays(new Date('2026-03-27T16:00:00Z'), 1, calendar).toISOString()).toBe('2026-03-30T16:00:00.000Z');
    // After hours on the Friday counts from Monday: Tuesday's close.
    expect(addWorkingDays(new Date('2026-03-27T17:30:00Z'), 1, calendar).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });
});
