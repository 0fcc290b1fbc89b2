import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, HAS_CHROMIUM, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';

async function fillDate(page: Page, id: string, [day, month, year]: [string, string, string]) {
  await page.fill(`#${id}`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

/** The March 2023 contact from the case review, typed into the form as a screener on the phone would. */
async function recordMarch2023(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/contacts/new`);
  await fillDate(page, 'receivedDate', ['14', '3', '2023']);
  await page.fill('#receivedTime', '09:20');
  await page.selectOption('#channel', 'phone');
  await page.selectOption('#referrer-source', '1D');
  await page.fill('#referrer-name', 'Member of the public');
  await page.check('#referrer-spokenToDirectly');
  await page.fill('#children-0-givenName', 'Sophie');
  await fillDate(page, 'children-0-dateOfBirth', ['10', '2', '2020']);
  await page.selectOption('#children-0-mobility', 'independently_mobile');
  await page.check('#children-0-communicates');
  await page.check('#children-0-history-cpPlanPrevious');
  await page.click('button[value=add-child]');
  await page.fill('#children-1-givenName', 'Daniel');
  await fillDate(page, 'children-1-dateOfBirth', ['10', '9', '2022']);
  await page.selectOption('#children-1-mobility', 'not_independently_mobile');
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

describe.skipIf(!HAS_CHROMIUM)('screener in the browser', { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  let page: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    page = await h.browser.newPage();
  });
  afterAll(async () => { await h?.close(); });

  it('signs in as a screener with a session cookie that scripts cannot read', async () => {
    await page.goto(`${h.baseUrl}/`);
    expect(page.url()).toContain('/sign-in');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, '01-sign-in');
    await signIn(page, h.baseUrl, 'screener', 'anna');
    expect(page.url()).toContain('/contacts/new');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('shows every error in the error summary, linked to its field, and stores nothing', async () => {
    await page.goto(`${h.baseUrl}/contacts/new`);
    await page.fill('#receivedDate', '');
    await page.click('button[value=record]');
    await page.waitForSelector('.govuk-error-summary');
    const summary = page.locator('.govuk-error-summary');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['#receivedDate', '#referrer-source', '#children-0-dateOfBirth', '#narrative']));
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'record a contact with errors');
    await screenshot(page, '02-record-contact-errors');
    await page.click('.govuk-error-summary a[href="#narrative"]');
    expect(await page.evaluate('document.activeElement?.id')).toBe('narrative');
    expect(Number((await h.t.deps.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('records the March 2023 contact and shows the strategy discussion prompt with its reasons', async () => {
    await recordMarch2023(page, h.baseUrl);
    await expect(page.locator('.govuk-tag--red').first().textContent()).resolves.toContain('Red');
    const strategy = page.locator('#prompt-strategy_discussion');
    await expect(strategy.textContent()).resolves.toContain('physical chastisement');
    await expect(strategy.textContent()).resolves.toContain('critical');
    await expect(page.locator('#prompt-speak_to_child').count()).resolves.toBe(1);
    await expect(page.locator('#prompt-contact_previous_authority').count()).resolves.toBe(1);
    await expectAccessible(page, 'triage');
    await screenshot(page, '03-triage');
    const stored = await h.t.deps.db.selectFrom('contacts').select(['priority', 'recorded_by']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ priority: 'red', recorded_by: 'anna' });
  });

  it('lists open contacts and the rules', async () => {
    await page.goto(`${h.baseUrl}/contacts`);
    await expect(page.locator('table tbody tr').count()).resolves.toBe(1);
    await expectAccessible(page, 'contacts');
    await page.goto(`${h.baseUrl}/rules`);
    await expect(page.locator('#rule-under-one').count()).resolves.toBe(1);
    await expectAccessible(page, 'rules');
    await screenshot(page, '04-rules');
  });

  it('can be used by keyboard alone: the skip link is the first stop', async () => {
    await page.goto(`${h.baseUrl}/contacts/new`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to main content');
  });

  it('refuses a form posted without the session’s CSRF token', async () => {
    const status = await page.evaluate("fetch('/contacts/new', { method: 'POST', body: new URLSearchParams({ narrative: 'x' }) }).then((r) => r.status)");
    expect(status).toBe(403);
  });
});
