import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { decideNfa, recordMarch2023 } from './flows.js';

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: a flagged decision, from screener to manager`, { timeout: 120_000 }, () => {
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
    expect(screener.url()).toBe(`${contactUrl}?done=queued`);
    await expect(screener.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Decision recorded and sent for review');
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
    await first.waitForURL(/\/reviews\?done=reviewed$/);
    await expect(first.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Review recorded');

    await second.check('#verdict');
    await second.fill('#rationale', 'Endorse: the screener weighed the history.');
    await second.click('button:has-text("Record review")');
    await second.waitForSelector('.govuk-notification-banner');
    await expect(second.locator('.govuk-notification-banner').textContent()).resolves.toContain('Someone else acted on this contact');
    await screenshot(second, '08-review-stale');
    const reviews = await h.t.deps.db.selectFrom('reviews').select(['verdict', 'outcome', 'reviewed_by']).execute();
    expect(reviews).toEqual([{ verdict: 'overturn', outcome: 'strategy_discussion', reviewed_by: 'ben' }]);
  });

  it('the screener closes it; an auditor samples it, reads its trail, and sees the oversight figures', async () => {
    await screener.goto(contactUrl);
    await screener.click('button:has-text("Close the contact")');
    // One click is not enough: closing asks to confirm, and nothing changes until it is.
    await expect(screener.locator('.govuk-error-summary').textContent()).resolves.toContain('Tick the box to confirm');
    expect((await h.t.deps.db.selectFrom('contacts').select('status').where('id', '=', contactUrl.split('/').pop()!).executeTakeFirstOrThrow()).status).toBe('decided');
    await screener.check('#confirmClose');
    await screener.click('button:has-text("Close the contact")');
    await expect(screener.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Contact closed');
    await expect(screener.locator('main').textContent()).resolves.toContain('closed');

    const auditor = await (await h.browser.newContext()).newPage();
    await signIn(auditor, h.baseUrl, 'auditor', 'dev');
    expect(auditor.url()).toContain('/audit');
    await auditor.fill('#maxAgeMonths', '36');
    await auditor.fill('#seed', 'case-review');
    await auditor.click('button:has-text("Draw sample")');
    await auditor.waitForSelector('table tbody tr');
    const contactId = contactUrl.split('/').at(-1)!;
    // The sample names the contact by its children, linked to the contact.
    await expect(auditor.locator(`table a[href="/contacts/${contactId}"]`).textContent()).resolves.toBe('Sophie, 3 years and Daniel, 6 months');
    await expect(auditor.locator('a:has-text("Download as CSV")').count()).resolves.toBe(1);
    await expectAccessible(auditor, 'audit sample');
    await screenshot(auditor, '09-audit-sample');
    const csv = await auditor.evaluate(`fetch(document.querySelector('a[download]').href).then((r) => r.text())`) as string;
    expect(csv.split('\n')[1]).toContain(contactId);
    const drawn = await h.t.deps.db.selectFrom('audit_log').select('actor_sub').where('action', '=', 'audit.sample_drawn').execute();
    expect(drawn.length).toBeGreaterThanOrEqual(2);

    await auditor.click('table tbody a:has-text("trail")');
    const text = await auditor.locator('main').textContent();
    for (const event of ['Contact recorded', 'Triaged', 'Screener’s decision', 'Manager’s review', 'Contact closed']) expect(text).toContain(event);
    await expectAccessible(auditor, 'trail');
    await screenshot(auditor, '10-trail');

    await auditor.goto(`${h.baseUrl}/oversight?from=2026-11-01&to=2026-11-30`);
    await expect(auditor.locator('figure.app-chart').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(auditor.locator('main').textContent()).resolves.toContain('small number');
    await expectAccessible(auditor, 'oversight');
    await screenshot(auditor, '11-oversight');
  });
});
