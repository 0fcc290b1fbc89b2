import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { signIn, startBrowserHarness, type BrowserHarness } from './browser.js';

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
  await page.goto(`${h.baseUrl}/contacts/new`);
  await page.waitForSelector('[data-module="govuk-checkboxes"][data-govuk-checkboxes-init]');
  const a = new Actions(page);
  await steps(a);
  await page.waitForURL(/\/contacts\/con_/);
  const id = /\/contacts\/(con_[^/?#]+)/.exec(page.url())?.[1];
  const res = await fetch(`${h.baseUrl}/api/v1/contacts/${id}`, { headers: { authorization: `Bearer ${await h.t.token('screener')}` } });
  expect(res.status).toBe(200);
  return { actions: a.count, contact: await res.json() as Record<string, any> };
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

async function fillDate(a: Actions, id: string, [day, month, year]: [string, string, string]) {
  await a.fill(`#${id}`, day);
  await a.fill(`#${id}-month`, month);
  await a.fill(`#${id}-year`, year);
}

/** On the form as it was before the sections (one page of every field): the fewest actions that record the bruised baby. */
async function bruisedBabyBefore(a: Actions) {
  await a.select('#channel', 'phone');
  await a.select('#referrer-source', '3B');
  await a.check('#referrer-spokenToDirectly');
  await a.fill('#children-0-givenName', 'Leo');
  await fillDate(a, 'children-0-dateOfBirth', ['28', '7', '2026']);
  await a.click('summary:has-text("An injury or mark on child 1")');
  await a.select('#children-0-injury-type', 'bruise');
  await a.check('#children-0-injury-sites-cheeks');
  await a.check('#children-0-history-earlierContacts');
  await a.fill('#children-0-history-contactsLast12Months', '0');
  await a.select('#adults-0-role', 'mother');
  await a.check('#adults-0-flags');
  await a.click('button[value=add-adult]');
  await a.select('#adults-1-role', 'father');
  await a.check('#adults-1-flags');
  await a.fill('#narrative', BRUISED_BABY_NARRATIVE);
  await a.click('button[value=record]');
}

async function neighbourBefore(a: Actions) {
  await a.select('#channel', 'phone');
  await a.select('#referrer-source', '9');
  await a.check('#referrer-spokenToDirectly');
  await fillDate(a, 'children-0-dateOfBirth', ['28', '11', '2024']);
  await a.click('button[value=add-child]');
  await fillDate(a, 'children-1-dateOfBirth', ['28', '3', '2026']);
  await a.select('#adults-0-role', 'mother');
  await a.check('#adults-0-flags');
  await a.fill('#narrative', NEIGHBOUR_NARRATIVE);
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

  it('counts the bruised baby and the anonymous neighbour', async () => {
    const baby = await recordCounting(h, page, bruisedBabyBefore);
    expectBruisedBaby(baby.contact);
    const neighbour = await recordCounting(h, page, neighbourBefore);
    expectNeighbour(neighbour.contact);
    console.log(`Actions to record a contact: the bruised baby ${baby.actions}, the anonymous neighbour ${neighbour.actions}`);
    expect({ bruisedBaby: baby.actions, neighbour: neighbour.actions }).toEqual({ bruisedBaby: 19, neighbour: 14 });
  });
});
