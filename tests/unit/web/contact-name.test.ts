import { describe, expect, it } from 'vitest';
import { ageOf } from '../../../src/domain/contacts/summarise-contacts.js';
import { childrenInWords, contactDetails } from '../../../src/web/contact-name.js';

describe('naming a contact by its children', () => {
  it('says an age as a practitioner would: months under two, years after, and an unborn child’s due date', () => {
    expect(ageOf({ date_of_birth: '2023-01-01', expected_date_of_birth: null, age_days: 40 })).toBe('1 month');
    expect(ageOf({ date_of_birth: '2022-01-01', expected_date_of_birth: null, age_days: 600 })).toBe('19 months');
    expect(ageOf({ date_of_birth: '2020-02-10', expected_date_of_birth: null, age_days: 1128 })).toBe('3 years');
    expect(ageOf({ date_of_birth: null, expected_date_of_birth: '2027-01-12', age_days: null })).toBe('unborn, due 2027-01-12');
    expect(ageOf({ date_of_birth: null, expected_date_of_birth: null, age_days: null })).toBeNull();
  });

  it('names each child, or their age when unnamed, and says the referrer and concern in words', () => {
    const summary = {
      children: [{ givenName: 'Sophie', age: '3 years' }, { givenName: null, age: '6 months' }, { givenName: null, age: null }],
      referrerSource: '1B', concerns: ['18C'], receivedAt: '2023-03-14T09:20:00.000Z',
    };
    expect(childrenInWords(summary)).toBe('Sophie, 3 years, a child of 6 months and a child, age not known');
    expect(contactDetails(summary)).toBe('From individual – acquaintance · Physical abuse – adult on child · received 14 Mar 2023, 09:20');
    expect(childrenInWords({ ...summary, children: [] })).toBe('No child named');
  });
});

describe('counts in words', () => {
  it('agrees the noun with the number', async () => {
    const { countOf } = await import('../../../src/lib/plural.js');
    expect(countOf(1, 'contact')).toBe('1 contact');
    expect(countOf(0, 'contact')).toBe('0 contacts');
    expect(countOf(2, 'working day')).toBe('2 working days');
  });
});
