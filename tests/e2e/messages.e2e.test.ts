import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS_RULE } from '../../src/web/messages.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { decideNfa, recordMarch2023 } from './flows.js';

/** Words a schema uses that a person at the front door should never read. */
const DEVELOPER_WORDS = /expected|invalid|received|undefined|NaN|\||_/i;

async function summaryMessages(page: Page): Promise<string[]> {
  await page.waitForSelector('.govuk-error-summary');
  return page.locator('.govuk-error-summary a').allTextContents();
}

async function expectFitsViewport(page: Page, name: string): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]') as [number, number];
  expect(scrollWidth, `${name} is no wider than the window`).toBeLessThanOrEqual(innerWidth);
}

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: every validation message in words naming the question`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  let screener: Page;
  let manager: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    screener = await (await h.browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    manager = await (await h.browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(screener, h.baseUrl, 'screener', 'anna');
    await signIn(manager, h.baseUrl, 'manager', 'maya');
  });
  afterAll(async () => { await h?.close(); });

  it('an empty contact form names each question, with no list of codes, and fits the window', async () => {
    await screener.goto(`${h.baseUrl}/contacts/new`);
    await screener.click('button[value=record]');
    const messages = await summaryMessages(screener);
    expect(messages).toEqual(expect.arrayContaining(['Select who the referrer is', 'Enter what the referrer said']));
    for (const m of messages) expect(m).not.toMatch(DEVELOPER_WORDS);
    await expectFitsViewport(screener, 'record a contact with errors');
    await screenshot(screener, 'messages-01-contact');
  });

  it('an empty decision shows every error at once: each prompt by its title, yes or no for the child, the one rule for reasons', async () => {
    await recordMarch2023(screener, h.baseUrl);
    await screener.click('button:has-text("Record decision")');
    const messages = await summaryMessages(screener);
    const links = await screener.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['#response-strategy_discussion', '#outcome', '#rationale', '#childSeen', '#childSpokenTo']));
    expect(messages).toEqual(expect.arrayContaining(['Select the outcome', REASONS_RULE, 'Select yes or no: has the child been seen?']));
    expect(messages.find((m) => m.includes('“'))).toMatch(/^Select accept, done already or decline for “[A-Z]/);
    for (const m of messages) expect(m).not.toMatch(DEVELOPER_WORDS);
    await expectFitsViewport(screener, 'decision with errors');
    await expectAccessible(screener, 'decision with errors');
    await screenshot(screener, 'messages-02-decision');
  });

  it('a declined prompt without a reason is named by its title', async () => {
    await screener.check('input[name="response.strategy_discussion"][value=declined]');
    await screener.click('button:has-text("Record decision")');
    const messages = await summaryMessages(screener);
    expect(messages.find((m) => m.startsWith('Give the reason for declining'))).toMatch(/^Give the reason for declining “[A-Z][^”]+”$/);
  });

  it('a review with no verdict and short reasons says so in the same words as the screener’s form', async () => {
    await decideNfa(screener);
    await expect(screener.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('a manager will review it');
    const id = new URL(screener.url()).pathname.split('/')[2];
    // Reloading the address a failed form was posted to comes back to the contact, not a 404.
    await screener.goto(`${h.baseUrl}/contacts/${id}/decision`);
    expect(new URL(screener.url()).pathname).toBe(`/contacts/${id}`);
    await manager.goto(`${h.baseUrl}/reviews/${id}`);
    await manager.fill('#rationale', 'fine');
    await manager.click('button:has-text("Record")');
    const messages = await summaryMessages(manager);
    expect(messages).toEqual(expect.arrayContaining([REASONS_RULE]));
    for (const m of messages) expect(m).not.toMatch(DEVELOPER_WORDS);
    await expectFitsViewport(manager, 'review with errors');
    await screenshot(manager, 'messages-03-review');
  });

  it('names contacts by their children, referrer, concern and time received in lists, the queue and headings', async () => {
    const name = 'Sophie, 3 years and Daniel, 6 months';
    await screener.goto(`${h.baseUrl}/contacts`);
    await expect(screener.locator('main table').textContent()).resolves.toContain(name);
    await expect(screener.locator('main table').textContent()).resolves.toMatch(/From individual – other · Physical abuse – adult on child · received 14 Mar 2023, 09:20/);
    await expect(screener.locator('main').textContent()).resolves.not.toMatch(/>con_|^con_/);
    await manager.goto(`${h.baseUrl}/reviews`);
    await expect(manager.locator('main table').textContent()).resolves.toContain(name);
    await manager.click(`a:has-text("${name}")`);
    await expect(manager.title()).resolves.toContain(name);
    await expect(manager.locator('.govuk-caption-l').textContent()).resolves.toBe(name);
    await expectFitsViewport(manager, 'review page');
    await screenshot(manager, 'messages-04-review-named');
  });

  it('the oversight period and an auditor’s sample size are asked for in words', async () => {
    await manager.goto(`${h.baseUrl}/oversight?from=2026-02-30&to=2026-11-30`);
    expect(await summaryMessages(manager)).toEqual(['Enter the first day of the period as a date like 2026-11-01']);
    const auditor = await (await h.browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(auditor, h.baseUrl, 'auditor', 'ali');
    await auditor.goto(`${h.baseUrl}/audit?draw=1&size=lots`);
    const messages = await summaryMessages(auditor);
    expect(messages).toEqual(['Enter how many contacts to draw as a whole number, like 3']);
    await expectFitsViewport(auditor, 'audit sample with errors');
  });
});

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: pages load with no failed request, and assets compressed`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  beforeAll(async () => { h = await startBrowserHarness(); });
  afterAll(async () => { await h?.close(); });

  it('requests nothing that fails (no font 404s) and gets govuk-frontend gzipped with a content-hashed, long-cached address', async () => {
    const page = await (await h.browser.newContext()).newPage();
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
    await signIn(page, h.baseUrl, 'screener', 'anna');
    await page.goto(`${h.baseUrl}/contacts/new`);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    const href = await page.getAttribute('link[rel=stylesheet]', 'href');
    expect(href).toMatch(/^\/ui\/govuk-frontend\.min\.css\?v=[0-9a-f]{12}$/);
    const res = await fetch(`${h.baseUrl}${href}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });
});

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: the contact form's add and remove, Enter and code order`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  beforeAll(async () => { h = await startBrowserHarness(); });
  afterAll(async () => { await h?.close(); });

  it('Enter in a text field does not add a child; a child added can be removed; referral sources in order; one "Not known"', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await signIn(page, h.baseUrl, 'screener', 'anna');
    await page.goto(`${h.baseUrl}/contacts/new`);
    const sources = await page.locator('#referrer-source option').evaluateAll((os) => os.map((o) => o.getAttribute('value')).filter(Boolean));
    expect(sources.slice(0, 5)).toEqual(['1A', '1B', '1C', '1D', '2A']);
    expect(sources.at(-1)).toBe('10');
    const mobility = await page.locator('input[name="children.0.mobility"] + label').allTextContents();
    expect(mobility.filter((m) => m === 'Not known')).toHaveLength(1);
    await page.fill('#referrer-name', 'A neighbour');
    await page.press('#referrer-name', 'Enter');
    await page.waitForSelector('.govuk-error-summary');
    await expect(page.locator('#children-1-givenName').count()).resolves.toBe(0);
    await page.click('button[value=add-child]');
    await page.fill('#children-1-givenName', 'Mistake');
    await page.click('button[value=remove-child]');
    await expect(page.locator('#children-1-givenName').count()).resolves.toBe(0);
    await expect(page.locator('button[value=remove-child]').count()).resolves.toBe(0);
  });
});
