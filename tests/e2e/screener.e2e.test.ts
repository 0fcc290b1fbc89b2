import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { recordMarch2023 } from './flows.js';

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: screener in the browser`, { timeout: 120_000 }, () => {
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
    await page.setViewportSize({ width: 1100, height: 1300 });
    await page.screenshot({ path: 'test-artifacts/screenshots/03-triage-first-screen.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
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
