import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserHarness } from './browser.js';

/** The contact form, opened and ready: its script has set up the answers that reveal further questions. */
export async function openContactForm(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/contacts/new`);
  await page.waitForSelector('[data-module="govuk-checkboxes"][data-govuk-checkboxes-init]');
}

/** The contact at a contact page's address, as the API returns it to a screener. */
export async function storedContact(h: BrowserHarness, url: string): Promise<Record<string, any>> {
  const id = /\/contacts\/(con_[^/?#]+)/.exec(url)?.[1];
  const res = await fetch(`${h.baseUrl}/api/v1/contacts/${id}`, { headers: { authorization: `Bearer ${await h.t.token('screener')}` } });
  expect(res.status).toBe(200);
  return res.json() as Promise<Record<string, any>>;
}

async function fillDate(page: Page, id: string, [day, month, year]: [string, string, string]) {
  await page.fill(`#${id}`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

/** The March 2023 contact from the case review, typed into the form as a screener on the phone would. */
export async function recordMarch2023(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/contacts/new`);
  await fillDate(page, 'receivedDate', ['14', '3', '2023']);
  await page.fill('#receivedTime', '09:20');
  await page.check('#channel');
  await page.selectOption('#referrer-source', '1D');
  await page.fill('#referrer-name', 'Member of the public');
  await page.check('#referrer-spokenToDirectly');
  await page.fill('#children-0-givenName', 'Sophie');
  await page.fill('#children-0-dateOfBirth', '10 2 2020');
  await page.click('summary:has-text("communication and disability of child 1")');
  await page.check('#children-0-communicates');
  await page.check('#children-0-history-cpPlanPrevious');
  await page.click('button[value=add-child]');
  await page.fill('#children-1-givenName', 'Daniel');
  await page.fill('#children-1-dateOfBirth', '10 9 2022');
  await page.check('#children-1-mobility');
  await page.selectOption('#adults-0-role', 'mother');
  await page.check('#adults-0-flags');
  await page.check('#adults-0-flags-allegedPerpetrator');
  await page.check('#concerns');
  await page.check('#physicalPunishmentReported');
  await page.check('#household');
  await page.click('summary:has-text("moved here from another authority")');
  await fillDate(page, 'movement-movedIntoAreaOn', ['1', '9', '2022']);
  await page.fill('#movement-previousAuthority', 'E06000055');
  await page.selectOption('#movement-planInPreviousAuthority', 'cin');
  await page.fill('#narrative', 'Two members of the public saw a woman hit a small girl several times; when challenged she said it was physical chastisement.');
  await page.click('button[value=record]');
  await page.waitForURL(/\/contacts\/con_/);
}

/** The screener's NFA on the March 2023 contact: every warning accepted, the strategy discussion declined. */
export async function decideNfa(page: Page) {
  const radios = await page.locator('input[type=radio][name^="response."][value=accepted]').evaluateAll((els) => els.map((e) => e.getAttribute('name')));
  for (const name of radios) {
    if (name === 'response.strategy_discussion') continue;
    await page.check(`input[name="${name}"][value=accepted]`);
  }
  await page.check('input[name="response.strategy_discussion"][value=declined]');
  await page.fill('#reason-strategy_discussion', 'Mother says it was a one-off; no injury was seen.');
  await page.selectOption('#outcome', 'nfa');
  await page.fill('#rationale', 'Physical chastisement reported by a passer-by; no injury seen and the family is known to services already.');
  await page.check('#overrideReason-discretionary');
  await page.check('#childSeen-no');
  await page.check('#childSpokenTo-no');
  await page.click('button:has-text("Record decision")');
  await page.waitForLoadState('load');
}
