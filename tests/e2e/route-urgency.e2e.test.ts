import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsePack } from '../support/test-app.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { recordMarch2023 } from './flows.js';

/** With a response table: the suggested route and urgency lead the triage, the screener may change them, and the lists and oversight show them. */
describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: route and urgency in the browser`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  let screener: Page;
  beforeAll(async () => {
    h = await startBrowserHarness({ ruleSet: responsePack() });
    screener = await (await h.browser.newContext()).newPage();
    await signIn(screener, h.baseUrl, 'screener', 'anna');
  });
  afterAll(async () => { await h?.close(); });

  async function acceptNeededPrompts(page: Page) {
    const names = await page.locator('input[type=radio][name^="response."][value=accepted]').evaluateAll((els) => els.map((e) => e.getAttribute('name')));
    for (const name of names) await page.check(`input[name="${name}"][value=accepted]`);
  }

  it('shows the suggested route and urgency first, with the reason for each step', async () => {
    await recordMarch2023(screener, h.baseUrl);
    const suggested = screener.locator('#suggested-response');
    await expect(suggested.locator('h2').textContent()).resolves.toBe('Suggested response: Strategy discussion (s47) — same day');
    await expect(suggested.textContent()).resolves.toContain('A strategy discussion is held the same day when significant harm is suspected.');
    // It comes before the prompts.
    const order = await screener.evaluate(`document.querySelector('#suggested-response').compareDocumentPosition(document.querySelector('#prompt-strategy_discussion'))`);
    expect(Number(order) & 4).toBe(4);
    await expect(screener.locator('#route-change .govuk-hint').first().textContent()).resolves.toContain('Strategy discussion (s47) — same day');
    await expectAccessible(screener, 'triage with a suggested response');
    await screenshot(screener, '10-triage-suggested-response');
    await screener.setViewportSize({ width: 1100, height: 900 });
    await screener.screenshot({ path: 'test-artifacts/screenshots/10-triage-suggested-response-first-screen.png' });
    await screener.locator('#route-change').scrollIntoViewIfNeeded();
    await screener.screenshot({ path: 'test-artifacts/screenshots/10-decision-route-change.png' });
    await screener.setViewportSize({ width: 1280, height: 720 });
  });

  it('lists the open contact with its urgency and due time', async () => {
    await screener.goto(`${h.baseUrl}/contacts`);
    const row = screener.locator('table tbody tr').first();
    await expect(row.textContent()).resolves.toContain('Same day');
    await expect(row.textContent()).resolves.toContain('Strategy discussion (s47)');
    await expectAccessible(screener, 'contacts with urgency');
  });

  it('a change without a reason is shown against the reason field; with one, it goes for review', async () => {
    await screener.click('table tbody a');
    await acceptNeededPrompts(screener);
    await screener.selectOption('#urgency', 'one_working_day');
    await screener.selectOption('#outcome', 'strategy_discussion');
    await screener.fill('#rationale', 'Strategy discussion with the police tomorrow morning; the children are with their grandmother tonight.');
    await screener.check('#overrideReason-discretionary');
    await screener.check('#childSeen-no');
    await screener.check('#childSpokenTo-no');
    await screener.click('button:has-text("Record decision")');
    await screener.waitForSelector('.govuk-error-summary');
    const links = await screener.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#routeChangeReason']);
    await expectAccessible(screener, 'decision with a route change and no reason');

    await screener.fill('#routeChangeReason', 'The grandmother has taken the children to her home overnight, away from the mother, until the discussion.');
    await screener.click('button:has-text("Record decision")');
    await screener.waitForLoadState('load');
    const main = await screener.locator('main').textContent();
    expect(main).toContain('awaiting review');
    expect(main).toContain('urgency lowered from same day to within one working day');
    const decision = await h.t.deps.db.selectFrom('decisions').select(['route', 'urgency', 'route_change_reason']).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ route: 's47_strategy', urgency: 'one_working_day' });
    await expectAccessible(screener, 'decision with a changed urgency');
  });

  it('the manager sees the suggested and the chosen urgency in the queue, and the changes in oversight', async () => {
    const manager = await (await h.browser.newContext()).newPage();
    await signIn(manager, h.baseUrl, 'manager', 'ben');
    const row = manager.locator('table tbody tr').first();
    await expect(row.textContent()).resolves.toContain('Same day');
    await expect(row.textContent()).resolves.toContain('screener: within one working day');
    await expectAccessible(manager, 'review queue with urgency');
    await manager.goto(`${h.baseUrl}/oversight?from=2026-11-28&to=2026-11-28`);
    const table = manager.locator('#suggestion-changes');
    await expect(table.locator('tbody tr').first().textContent()).resolves.toMatch(/All screeners.*1.*1 of 1/s);
    await expectAccessible(manager, 'oversight with suggestion changes');
    await screenshot(manager, '11-oversight-suggestion-changes');
  });
});
