import { describe, expect, it } from 'vitest';
import { decisionDueBy, reviewDueBy } from '../../../src/domain/contacts/decision-due.js';
import { loadSettings } from '../../../src/rules/settings.js';

const settings = loadSettings('rules/settings').forAuthority('E06000056');
// Tuesday 24 November 2026, 10:00 in London (GMT).
const tuesday = new Date('2026-11-24T10:00:00Z');

describe('decisionDueBy', () => {
  it('runs each urgency’s clock from receipt: hours, or the close of the Nth working day', () => {
    const due = (urgency: 'within_hours' | 'same_day' | 'one_working_day' | 'three_working_days' | 'none') =>
      decisionDueBy(tuesday, { priority: 'green', urgency }, false, settings).toISOString();
    expect(due('within_hours')).toBe('2026-11-24T14:00:00.000Z');
    expect(due('same_day')).toBe('2026-11-24T17:00:00.000Z');
    expect(due('one_working_day')).toBe('2026-11-25T17:00:00.000Z');
    expect(due('three_working_days')).toBe('2026-11-27T17:00:00.000Z');
    // No statutory action still owes the decision within one working day.
    expect(due('none')).toBe('2026-11-25T17:00:00.000Z');
  });

  it('counts hours on the clock, out of hours too; working days skip weekends and bank holidays', () => {
    const christmasEveEvening = new Date('2026-12-24T19:30:00Z');
    expect(decisionDueBy(christmasEveEvening, { priority: 'red', urgency: 'within_hours' }, false, settings).toISOString()).toBe('2026-12-24T23:30:00.000Z');
    // Christmas Eve after hours: the next working day is Tuesday 29 December (25th and 28th are bank holidays).
    expect(decisionDueBy(christmasEveEvening, { priority: 'red', urgency: 'same_day' }, false, settings).toISOString()).toBe('2026-12-29T17:00:00.000Z');
  });

  it('keeps the priority’s timescale for a triage made without a response table', () => {
    expect(decisionDueBy(tuesday, { priority: 'red', urgency: null }, false, settings).toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(decisionDueBy(tuesday, { priority: 'amber', urgency: null }, false, settings).toISOString()).toBe('2026-11-25T17:00:00.000Z');
  });

  it('is at once for a child in immediate danger, whatever the urgency', () => {
    for (const urgency of ['within_hours', null] as const) {
      expect(decisionDueBy(tuesday, { priority: 'red', urgency }, true, settings)).toEqual(tuesday);
    }
  });
});

describe('reviewDueBy', () => {
  it('is the review timescale for the priority, brought forward by the most urgent clock of the suggestion and the choice', () => {
    expect(reviewDueBy(tuesday, 'amber', [null, null], settings).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(reviewDueBy(tuesday, 'green', ['three_working_days', 'none'], settings).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(reviewDueBy(tuesday, 'red', ['same_day', 'one_working_day'], settings).toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(reviewDueBy(tuesday, 'green', ['none', 'within_hours'], settings).toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });
});
