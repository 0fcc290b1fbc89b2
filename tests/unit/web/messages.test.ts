import { describe, expect, it } from 'vitest';
import { fieldErrorsInWords, inWords, REASONS_RULE } from '../../../src/web/messages.js';

describe('validation messages in words', () => {
  it('asks for a missing choice or entry by its question, never with the list of options', () => {
    expect(inWords({ what: 'the outcome', kind: 'choose' }, 'Invalid option: expected one of "nfa"|"early_help"')).toBe('Select the outcome');
    expect(inWords({ what: 'what the referrer said', kind: 'enter' }, 'Invalid input: expected string, received undefined')).toBe('Enter what the referrer said');
    expect(inWords({ what: 'has the child been seen?', kind: 'yesno' }, 'Invalid input: expected boolean, received undefined')).toBe('Select yes or no: has the child been seen?');
  });

  it('says numbers, limits and dates as a person would', () => {
    expect(inWords({ what: 'how many contacts to draw', kind: 'enter' }, 'Invalid input: expected number, received NaN')).toBe('Enter how many contacts to draw as a whole number, like 3');
    expect(inWords({ what: 'incidents', kind: 'enter' }, 'Too big: expected number to be <=1000')).toBe('Incidents must be 1000 or fewer');
    expect(inWords({ what: 'the first day', kind: 'date', example: '2026-11-01' }, 'must be a date as YYYY-MM-DD')).toBe('Enter the first day as a date like 2026-11-01');
    expect(inWords({ what: 'the last day', kind: 'date' }, 'is before from')).toBe('The last day must be the same as or after the start date');
  });

  it('gives screeners and managers one rule for reasons, whichever check failed', () => {
    const reasons = { what: 'your reasons', kind: 'reasons' } as const;
    expect(inWords(reasons, 'must explain the reasoning in at least 20 characters')).toBe(REASONS_RULE);
    expect(inWords(reasons, 'must explain the reasoning in at least 4 different words')).toBe(REASONS_RULE);
  });

  it('files each API error under its field, the first error winning, and unknown fields under the fallback', () => {
    const errors = fieldErrorsInWords([
      { path: '/verdict', message: 'Invalid option: expected one of "endorse"|"overturn"' },
      { path: '/verdict', message: 'something else' },
      { path: '/surprise', message: 'Invalid input' },
    ], { verdict: { what: 'your verdict', kind: 'choose' } }, 'verdict');
    expect(errors).toEqual({ verdict: 'Select your verdict' });
  });
});
