import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { openContactForm, storedContact } from './flows.js';

/**
 * How many actions a screener takes to record a contact through the form.
 * One action is one click, one selection or one field filled (whatever is
 * typed into it); opening the page and waiting for it are navigation and not
 * counted. Each contact is the same set of facts whatever the form, and the
 * stored contact is checked for them, so a count is only ever of a contact
 * recorded in full.
 */
class Actions {
  count = 0;
  constructor(readonly page: Page) {}
  async fill(selector: string, text: string) { this.count++; await this.page.fill(selector, text); }
  async check(selector: string) { this.count++; await this.page.check(selector); }
  async select(selector: string, option: string) { this.count++; await this.page.selectOption(selector, option); }
  async click(selector: string) { this.count++; await this.page.click(selector); }
}

async function recordCounting(h: BrowserHarness, page: Page, steps: (a: Actions) => Promise<void>): Promise<{ actions: number; contact: Record<string, any> }> {
  await openContactForm(page, h.baseUrl);
  const a = new Actions(page);
  await steps(a);
  await page.waitForURL(/\/contacts\/con_/);
  return { actions: a.count, contact: await storedContact(h, page.url()) };
}

/**
 * The bruised baby (tests/corpus phys-01): a health visitor, on the phone and
 * spoken to, saw a small bruise on the cheek of Leo, 4 months old and so not
 * mobile. He lives with his mother and father; no earlier contacts. The
 * harness's clock makes the contact 28 November 2026, so he was born 28 July.
 */
const BRUISED_BABY_NARRATIVE = 'HV 4-month contact: small faint bruise about 1cm on left cheek; Leo not rolling or crawling. Mum unsure, suggests fingers or dummy clip. Lives with both parents; father not seen.';

function expectBruisedBaby(contact: Record<string, any>) {
  expect(contact).toMatchObject({ channel: 'phone', referrer: { source: '3B', spokenToDirectly: true }, narrative: BRUISED_BABY_NARRATIVE });
  expect(contact.children).toHaveLength(1);
  expect(contact.children[0]).toMatchObject({ givenName: 'Leo', dateOfBirth: '2026-07-28', history: { contactsLast12Months: 0 } });
  expect(contact.children[0].injuries).toEqual([expect.objectContaining({ type: 'bruise', sites: ['cheeks'] })]);
  expect(contact.adults).toEqual([{ role: 'mother', livesWithChild: true }, { role: 'father', livesWithChild: true }]);
  expect(contact.triage.facts).toMatchObject({ nonMobileInjury: true });
}

/**
 * The anonymous neighbour: a caller who will not give a name, on the phone,
 * hears a mother shouting and a child crying in the flat next door, where a
 * toddler of about two and a baby of about eight months live with her.
 */
const NEIGHBOUR_NARRATIVE = 'Anonymous caller, a neighbour: for an hour tonight has heard the mother next door shouting and a child crying. A toddler (about 2) and a baby (about 8 months) live in the flat with her. Names not known.';

function expectNeighbour(contact: Record<string, any>) {
  expect(contact).toMatchObject({ channel: 'phone', referrer: { source: '9', spokenToDirectly: true }, narrative: NEIGHBOUR_NARRATIVE });
  expect(contact.children.map((c: { dateOfBirth: string }) => c.dateOfBirth)).toEqual(['2024-11-28', '2026-03-28']);
  expect(contact.adults).toEqual([{ role: 'mother', livesWithChild: true }]);
}

/**
 * The counts on the form before it had sections (one page of every field),
 * by this file's first version (commit 0312fab): the bruised baby 19 actions
 * (channel, referral source, spoken to, name, date of birth in three boxes,
 * opening the injury, its type and site, ticking and counting earlier
 * contacts, two adults of a role and a box each and the click to add the
 * second, what was said, record), the neighbour 14 (channel, source, spoken
 * to, two dates of three boxes, adding the second child, the mother's role
 * and box, what was said, record).
 */
const BEFORE = { bruisedBaby: 19, neighbour: 14 };

/**
 * The same contacts on the form in sections: a phone call with the referrer
 * is the form's default, a date of birth or an age is one box, the household
 * one answer, earlier contacts a number, and an injury's type opens its
 * questions.
 */
async function bruisedBaby(a: Actions) {
  await a.select('#referrer-source', '3B');
  await a.fill('#children-0-givenName', 'Leo');
  await a.fill('#children-0-dateOfBirth', '4 months');
  await a.fill('#narrative', BRUISED_BABY_NARRATIVE);
  await a.select('#children-0-injury-type', 'bruise');
  await a.check('#children-0-injury-sites-cheeks');
  await a.check('#livesWith');
  await a.fill('#children-0-history-contactsLast12Months', '0');
  await a.click('button[value=record]');
}

async function neighbour(a: Actions) {
  await a.select('#referrer-source', '9');
  await a.fill('#children-0-dateOfBirth', '2 years');
  await a.click('button[value=add-child]');
  await a.fill('#children-1-dateOfBirth', '8 months');
  await a.fill('#narrative', NEIGHBOUR_NARRATIVE);
  await a.check('#livesWith-mother');
  await a.click('button[value=record]');
}

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: the actions a screener takes to record a contact`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  let page: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    page = await (await h.browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(page, h.baseUrl, 'screener', 'anna');
  });
  afterAll(async () => { await h?.close(); });

  it('records the bruised baby and the anonymous neighbour in at most half the actions they took before', async () => {
    const baby = await recordCounting(h, page, bruisedBaby);
    expectBruisedBaby(baby.contact);
    const anonymous = await recordCounting(h, page, neighbour);
    expectNeighbour(anonymous.contact);
    const after = { bruisedBaby: baby.actions, neighbour: anonymous.actions };
    console.log(`Actions to record a contact, before → after: the bruised baby ${BEFORE.bruisedBaby} → ${after.bruisedBaby}, the anonymous neighbour ${BEFORE.neighbour} → ${after.neighbour}`);
    expect(after).toEqual({ bruisedBaby: 9, neighbour: 7 });
    expect(after.bruisedBaby * 2).toBeLessThanOrEqual(BEFORE.bruisedBaby);
    expect(after.neighbour * 2).toBeLessThanOrEqual(BEFORE.neighbour);
  });
});
