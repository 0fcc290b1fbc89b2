import { describe, expect, it } from 'vitest';
import { describeAge } from '../../../src/rules/children.js';

describe('a child’s age in words', () => {
  it.each([
    [0, 0, 'born today'], [0, 1, '1 day'], [0, 12, '12 days'], [1, 31, '1 month'], [11, 340, '11 months'], [23, 700, '23 months'],
    [24, 731, '2 years'], [25, 762, '2 years 1 month'], [35, 1070, '2 years 11 months'], [180, 5480, '15 years'],
  ])('%i months (%i days) reads “%s”', (months, days, words) => {
    expect(describeAge(months, days)).toBe(words);
  });

  it('calls a child with no date of birth unborn', () => {
    expect(describeAge(null, null)).toBe('unborn');
  });
});
