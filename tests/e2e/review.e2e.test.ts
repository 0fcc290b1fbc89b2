import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, HAS_CHROMIUM, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { decideNfa, recordMarch2023 } from './flows.js';

describe.skipIf(!HAS_CHROMIUM)('a flagged decision, from screener to manager', { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  let screener: Page;
  let contactUrl: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    screener = await (await h.browser.newContext()).newPage();
    await signIn(screener, h.baseUrl, 'screener', 'anna');
  });
  afterAll(async () => { await h?.close(); });

  it('the screener decides NFA, declining the strategy discussion, and it goes for review', async () => {
    await recordMarch2023(screener, h.baseUrl);
    contactUrl = screener.url();
    await decideNfa(screener);
    expect(screener.url()).toBe(contactUrl);
    await expect(screener.locator('main').textContent()).resolves.toContain('awaiting review');
    await expect(screener.locator('main').textContent()).resolves.toContain('declined_critical_prompt'.replace(/_/g, ' '));
    await expectAccessible(screener, 'contact awaiting review');
    await screenshot(screener, '05-decision-awaiting-review');
    const decision = await h.t.deps.db.selectFrom('decisions').select(['outcome', 'decided_by', 'override_reason']).executeTakeFirstOrThrow();
    expect(decision).toEqual({ outcome: 'nfa', decided_by: 'anna', override_reason: 'discretionary' });
  });

  it('a decision form with a declined prompt and no reason shows the error against that prompt', async () => {
    await recordMarch2023(screener, h.baseUrl);
    await screener.check('input[name="response.strategy_discussion"][value=declined]');
    await screener.click('button:has-text("Record decision")');
    await screener.waitForSelector('.govuk-error-summary');
    const links = await screener.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['#outcome', '#rationale', '#childSeen']));
    await expectAccessible(screener, 'decision with errors');
  });

  it('the manager finds it in the queue and overturns it; a second manager on a stale page is told, not overwritten', async () => {
    const first = await (await h.browser.newContext()).newPage();
    const second = await (await h.browser.newContext()).newPage();
    await signIn(first, h.baseUrl, 'manager', 'ben');
    await signIn(second, h.baseUrl, 'manager', 'cara');
    expect(first.url()).toContain('/reviews');
    await expect(first.locator('table tbody tr').count()).resolves.toBe(1);
    await expect(first.locator('table').textContent()).resolves.toContain('strategy discussion');
    await expectAccessible(first, 'review queue');
    await screenshot(first, '06-review-queue');
    await first.click('table tbody a');
    await second.goto(first.url());
    await expectAccessible(first, 'review');
    await screenshot(first, '07-review');

    await first.check('#verdict-overturn');
    await first.selectOption('#outcome', 'strategy_discussion');
    await first.fill('#rationale', 'A credible report of assault by two witnesses, with a baby in the house: convene a strategy discussion.');
    await first.click('button:has-text("Record review")');
    await first.waitForURL(/\/reviews$/);

    await second.check('#verdict');
    await second.fill('#rationale', 'Endorse: the screener weighed the history.');
    await second.click('button:has-text("Record review")');
    await second.waitForSelector('.govuk-notification-banner');
    await expect(second.locator('.govuk-notification-banner').textContent()).resolves.toContain('Someone else acted on this contact');
    await screenshot(second, '08-review-stale');
    const reviews = await h.t.deps.db.selectFrom('reviews').select(['verdict', 'outcome', 'reviewed_by']).execute();
    expect(reviews).toEqual([{ verdict: 'overturn', outcome: 'strategy_discussion', reviewed_by: 'ben' }]);
  });

  it('an auditor reads the contact’s trail', async () => {
    const auditor = await (await h.browser.newContext()).newPage();
    await signIn(auditor, h.baseUrl, 'auditor', 'dev');
    await auditor.goto(`${contactUrl}/trail`);
    const text = await auditor.locator('main').textContent();
    for (const event of ['recorded', 'triaged', 'decided', 'reviewed']) expect(text).toContain(event);
    await expectAccessible(auditor, 'trail');
    await screenshot(auditor, '09-trail');
  });
});
