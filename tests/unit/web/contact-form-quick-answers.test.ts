import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '../../../src/http/problem.js';
import { ContactInputSchema } from '../../../src/schemas/contact.schema.js';
import { contactFromForm } from '../../../src/web/contacts/contact-form.js';
import { formErrors } from '../../../src/web/contacts/contact-form-errors.js';
import { dateOrAge, monthsOld } from '../../../src/web/contacts/date-or-age.js';
import { RecordContactPage } from '../../../src/web/contacts/record-contact-page.js';
import type { FormValues } from '../../../src/web/form-values.js';

/** The form as the sections post it: the date of birth in one box, a channel chosen, the household in one answer. */
const BASE: FormValues = {
  csrf: 'x', childCount: '1', adultCount: '1', action: 'record', channel: 'phone',
  'receivedDate.day': '28', 'receivedDate.month': '11', 'receivedDate.year': '2026', receivedTime: '10:00',
  'referrer.source': '3B', 'children.0.dateOfBirth': '28 7 2026', narrative: 'Health visitor saw a bruise on the cheek.',
};
const parse = (form: FormValues) => contactFromForm(form, 'Europe/London') as Record<string, any>;

describe('a date of birth or an age, typed in one box', () => {
  it('reads a date however it is written', () => {
    for (const typed of ['28 7 2026', '28/07/2026', '28-7-2026', '28.7.2026', '2026-07-28', ' 28 7 2026 ']) expect(dateOrAge(typed, '2026-11-28'), typed).toBe('2026-07-28');
  });

  it('counts an age back from the day the contact came in', () => {
    expect(dateOrAge('4 months', '2026-11-28')).toBe('2026-07-28');
    expect(dateOrAge('2 years', '2026-11-28')).toBe('2024-11-28');
    expect(dateOrAge('about 8 months old', '2026-11-28')).toBe('2026-03-28');
    expect(dateOrAge('3 weeks', '2026-11-28')).toBe('2026-11-07');
    expect(dateOrAge('18m', '2026-11-28')).toBe('2025-05-28');
    expect(dateOrAge('3 months', '2026-05-31')).toBe('2026-02-28');
  });

  it('passes on what it cannot read, and reads nothing for an empty box', () => {
    expect(dateOrAge('lots', '2026-11-28')).toBe('lots');
    expect(dateOrAge('4 months', undefined)).toBe('4 months');
    expect(dateOrAge('  ', '2026-11-28')).toBeUndefined();
  });

  it('gives whole months of age, for asking mobility only under two', () => {
    expect(monthsOld('2026-07-28', '2026-11-28')).toBe(4);
    expect(monthsOld('2024-11-29', '2026-11-28')).toBe(23);
    expect(monthsOld('2024-11-28', '2026-11-28')).toBe(24);
    expect(monthsOld('lots', '2026-11-28')).toBeNull();
  });

  it('sends the date the API takes, and asks again in words for what it cannot read', () => {
    expect(parse({ ...BASE, 'children.0.dateOfBirth': '4 months' }).children[0].dateOfBirth).toBe('2026-07-28');
    const parsed = ContactInputSchema.safeParse(parse({ ...BASE, 'children.0.dateOfBirth': 'a baby' }));
    expect(parsed.success).toBe(false);
    expect(formErrors(zodFieldErrors(parsed.error!))['children-0-dateOfBirth']).toBe('Enter the date of birth for child 1 as a date like 28 7 2026, or an age like 4 months or 2 years');
    const none = ContactInputSchema.safeParse(parse({ ...BASE, 'children.0.dateOfBirth': '' }));
    expect(formErrors(zodFieldErrors(none.error!))['children-0-dateOfBirth']).toMatch(/^Enter the date of birth for child 1/);
  });
});

describe('answers that say more than one thing', () => {
  it('a phone call with the referrer says they were spoken to; a call passed on says not; an answer given wins', () => {
    expect(parse(BASE)).toMatchObject({ channel: 'phone', referrer: { source: '3B', spokenToDirectly: true } });
    expect(parse({ ...BASE, channel: 'phone_passed_on' })).toMatchObject({ channel: 'phone', referrer: { spokenToDirectly: false } });
    expect(parse({ ...BASE, channel: 'email' }).referrer).not.toHaveProperty('spokenToDirectly');
    expect(parse({ ...BASE, channel: 'email', 'referrer.spokenToDirectly': 'yes' }).referrer.spokenToDirectly).toBe(true);
    expect(parse({ ...BASE, channel: 'phone', 'referrer.spokenToDirectly': 'no' }).referrer.spokenToDirectly).toBe(false);
    expect(parse({ ...BASE, channel: '' })).not.toHaveProperty('channel');
    for (const channel of ['phone', 'phone_passed_on', 'police_notification', 'in_person']) {
      expect(ContactInputSchema.safeParse(parse({ ...BASE, channel })).success, channel).toBe(true);
    }
  });

  it('who the children live with is the adults it names, each living with the child, merged with an adult described', () => {
    expect(parse({ ...BASE, livesWith: 'parents' }).adults).toEqual([{ role: 'mother', livesWithChild: true }, { role: 'father', livesWithChild: true }]);
    expect(parse({ ...BASE, livesWith: 'mother_partner', 'adults.0.role': 'partner', 'adults.0.flags': 'allegedPerpetrator' }).adults)
      .toEqual([{ role: 'mother', livesWithChild: true }, { role: 'partner', allegedPerpetrator: true, livesWithChild: true }]);
    expect(parse({ ...BASE, livesWith: 'mother', 'adults.0.role': 'father', 'adults.0.flags': 'inCustody' }).adults)
      .toEqual([{ role: 'mother', livesWithChild: true }, { role: 'father', inCustody: true }]);
    expect(parse({ ...BASE, livesWith: 'other' }).adults).toEqual([]);
    expect(parse({ ...BASE, livesWith: '' }).adults).toEqual([]);
  });
});

describe('the form in sections', () => {
  const session = { sub: 'anna', role: 'screener' as const, la: 'E06000056', csrf: 'x', seen: 0 };
  const page = async (form: FormValues) => String(await RecordContactPage({ session, form, errors: {} })!.toString());

  it('has the five sections in the order of a call, and labels in words, not codes', async () => {
    const html = await page(BASE);
    const headings = [...html.matchAll(/<h2 class="govuk-heading-l" id="section-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['1. Who referred', '2. The children', '3. What happened', '4. The household and history', '5. Your view']);
    const labels = [...html.matchAll(/<(?:label|option)[^>]*>([^<]+)<\/(?:label|option)>/g)].map((m) => m[1] ?? '');
    expect(labels.filter((l) => /^\d{1,2}[A-F]?\b/.test(l))).toEqual([]);
    expect(labels).toEqual(expect.arrayContaining(['Health visitor', 'Anonymous', 'Physical abuse – adult on child']));
  });

  it('starts the follow-up questions hidden that do not yet apply, for the script to show; without it they show', async () => {
    const empty = await page(BASE);
    expect(empty).toMatch(/class="app-follows app-follows--hidden" data-app-control="children-0-injury-type"/);
    expect(empty).toMatch(/class="app-follows" data-app-control="referrer-source"/);
    expect(empty).toMatch(/class="app-follows" data-app-age-from="children-0-dateOfBirth"/);
    const filled = await page({ ...BASE, 'referrer.source': '9', 'children.0.dateOfBirth': '3 years', 'children.0.injury.type': 'bruise' });
    expect(filled).toMatch(/class="app-follows app-follows--hidden" data-app-control="referrer-source"/);
    expect(filled).toMatch(/class="app-follows app-follows--hidden" data-app-age-from="children-0-dateOfBirth"/);
    expect(filled).toMatch(/class="app-follows" data-app-control="children-0-injury-type"/);
  });
});
