import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { decideNfa, recordMarch2023 } from './flows.js';

const PERIOD = 'from=2023-03-01&to=2023-03-31';
const text = async (page: Page, selector = 'main') => (await page.locator(selector).textContent()) ?? '';

/** Nothing on the page is wider than the window, and no bar's label, bar or figure overlaps another. */
async function expectLegible(page: Page, name: string) {
  const layout = await page.evaluate(`(() => {
    const box = (el) => el.getBoundingClientRect();
    const overlap = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const rows = [...document.querySelectorAll('.app-bars__row')].map((row) => {
      const [label, track, figure] = ['.app-bars__label', '.app-bars__track', '.app-bars__figure'].map((s) => box(row.querySelector(s)));
      return overlap(label, figure) || overlap(label, track) || overlap(track, figure) ? row.textContent : null;
    });
    return { scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth, overlapping: rows.filter(Boolean), rows: rows.length };
  })()`) as { scroll: number; overlapping: string[]; rows: number };
  expect(layout.rows, `${name}: bars drawn`).toBeGreaterThan(5);
  expect(layout.overlapping, `${name}: labels running into bars or figures`).toEqual([]);
  expect(layout.scroll, `${name}: horizontal scroll`).toBeLessThanOrEqual(0);
}

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: oversight, the trail and the review page in a manager's and auditor's words`, { timeout: 180_000 }, () => {
  let h: BrowserHarness;
  let screener: Page;
  let manager: Page;
  let auditor: Page;
  let contactId: string;
  beforeAll(async () => {
    // The March 2023 contact decided, reviewed and closed that week: contacts, decisions and reviews fall in one period.
    h = await startBrowserHarness({ now: '2023-03-20T10:00:00Z' });
    [screener, manager, auditor] = await Promise.all([1, 2, 3].map(async () => (await h.browser.newContext()).newPage())) as [Page, Page, Page];
    await signIn(screener, h.baseUrl, 'screener', 'anna');
    await signIn(manager, h.baseUrl, 'manager', 'ben');
    await signIn(auditor, h.baseUrl, 'auditor', 'dev');
  });
  afterAll(async () => { await h?.close(); });

  it('the review page marks the prompt the screener declined, with the screener’s reason', async () => {
    await recordMarch2023(screener, h.baseUrl);
    contactId = screener.url().split('/').at(-1) ?? '';
    await screener.reload();
    await decideNfa(screener);
    await manager.goto(`${h.baseUrl}/reviews/${contactId}`);
    const declined = manager.locator('#prompt-strategy_discussion');
    await expect(declined.locator('.govuk-tag:has-text("Declined by the screener")').count()).resolves.toBe(1);
    await expect(declined.textContent()).resolves.toContain('Mother says it was a one-off; no injury was seen.');
    // Only the declined prompt carries the mark.
    await expect(manager.locator('.app-declined-tag').count()).resolves.toBe(1);
    await expect(text(manager)).resolves.toContain('The screener declined one prompt');
    await expectAccessible(manager, 'review with a declined prompt');
    await screenshot(manager, 'review-declined-prompt');
    await manager.check('#verdict-overturn');
    await manager.selectOption('#outcome', 'strategy_discussion');
    await manager.fill('#rationale', 'A credible report of assault by two witnesses, with a baby in the house: convene a strategy discussion.');
    await manager.click('button:has-text("Record review")');
    await manager.waitForURL(/\/reviews\?done=reviewed$/);
    await screener.goto(`${h.baseUrl}/contacts/${contactId}`);
    await screener.check('#confirmClose');
    await screener.click('button:has-text("Close the contact")');
    await expect(text(screener, '.govuk-notification-banner--success')).resolves.toContain('Contact closed');
  });

  it('the trail groups the reads, names each partner checked, and says the statuses, the outcome and the verdict in words', async () => {
    for (let i = 0; i < 3; i++) await manager.goto(`${h.baseUrl}/contacts/${contactId}`);
    for (let i = 0; i < 2; i++) await auditor.goto(`${h.baseUrl}/contacts/${contactId}`);
    const before = await h.t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('contact_id', '=', contactId).executeTakeFirstOrThrow();
    await auditor.click('a:has-text("Trail of this contact")');
    const trail = await text(auditor);
    const shown = await auditor.locator('#trail > li').count();
    const [, events, reads, lines] = /(\d+) events, (\d+) of them reads, shown as (\d+) lines/.exec(trail) ?? [];
    expect(Number(events)).toBe(Number(before.n));
    expect(Number(lines)).toBe(shown);
    expect(shown).toBeLessThan(Number(events));
    console.info(`trail of ${contactId}: ${events} events (${reads} reads) shown as ${shown} lines`);
    expect(trail).toMatch(/Read (\d+ times|twice|once) by \d (person|people) \(/);
    // After the close: the screener's page after closing, the manager three times, the auditor twice.
    expect(trail).toContain('Read 6 times by 3 people (anna, ben, dev)');
    expect(trail).not.toMatch(/awaiting_|_review|→ awaiting/);
    expect(trail).toContain('waiting for a decision → waiting for a manager’s review');
    expect(trail).toContain('anna decided: No further action. Declined: strategy discussion.');
    expect(trail).toContain('ben overturned the screener’s decision: No further action → Strategy discussion (s47).');
    expect(trail).toContain('Outcome that stands: Strategy discussion (s47)');
    const checks = await auditor.locator('#trail li li').allTextContents();
    expect(checks.length).toBeGreaterThan(0);
    const names = Object.values(h.t.deps.checks.partners.partners).map((p) => p.name);
    for (const check of checks) expect(names.some((n) => check.startsWith(`${n}: `)), check).toBe(true);
    expect(checks.some((c) => c.includes('waiting for the basis for sharing'))).toBe(true);
    await expectAccessible(auditor, 'trail');
    await screenshot(auditor, 'trail-grouped');
  });

  it('oversight shows every figure of the summary, zero bars drawn and no label over a value, at 1024 and 375 pixels', async () => {
    for (const [width, name] of [[1024, 'oversight-1024'], [375, 'oversight-375']] as const) {
      await auditor.setViewportSize({ width, height: 900 });
      await auditor.goto(`${h.baseUrl}/oversight?${PERIOD}`);
      const main = await text(auditor);
      expect(await text(auditor, '#contact-headlines')).toMatch(/1 contact received[\s\S]*First decision made after it was due: 1 of 1[\s\S]*within 12 months: none \(0 of 0\)/);
      for (const figure of ['Contacts by priority', 'Red', 'Amber', 'Contacts by the outcome that stood', 'Strategy discussion (s47)', 'Family or public',
        'Overrides by screener', 'Override rate, by screener', 'Overrides by rule', 'Reviews per manager', 'Checks made without the family’s agreement']) expect(main, figure).toContain(figure);
      expect(await text(auditor, '#screener-table tbody')).toMatch(/anna.*1.*1.*1 of 1/);
      expect(await text(auditor, '#manager-table tbody')).toMatch(/ben.*1.*0.*1.*0/);
      expect(main).not.toMatch(/non_professional|strategy_discussion|awaiting_/);
      // A zero is a visible mark with its figure beside it.
      const zero = auditor.locator('.app-bars__row:has(.app-bar--zero)').first();
      const mark = await zero.locator('rect').boundingBox();
      expect(mark?.width ?? 0).toBeGreaterThanOrEqual(2);
      expect(await zero.locator('.app-bars__figure').textContent()).toMatch(/^0 of \d+$|^0%/);
      await expectLegible(auditor, name);
      await expectAccessible(auditor, name);
      await screenshot(auditor, name);
    }
    await auditor.setViewportSize({ width: 1280, height: 720 });
  });

  it('offers each role only the pages it may use, and refuses the others before drawing them', async () => {
    const menus: Record<string, string[]> = {};
    for (const [role, page] of [['screener', screener], ['manager', manager], ['auditor', auditor]] as const) {
      menus[role] = await page.locator('.govuk-service-navigation__list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    }
    expect(menus.screener).not.toContain('/audit');
    expect(menus.screener).not.toContain('/oversight');
    expect(menus.auditor).not.toContain('/contacts/new');
    const every = [...new Set(Object.values(menus).flat()), `/contacts/${contactId}/trail`, `/reviews/${contactId}`];
    for (const [role, page] of [['screener', screener], ['manager', manager], ['auditor', auditor]] as const) {
      for (const href of every) {
        const response = await page.goto(`${h.baseUrl}${href}`);
        const offered = (menus[role] ?? []).includes(href);
        const refused = (await page.locator('h1').textContent()) === 'This page is not for your role';
        if (offered) expect({ role, href, status: response?.status(), refused }).toEqual({ role, href, status: 200, refused: false });
        if (refused) expect(response?.status(), `${role} ${href}`).toBe(403);
      }
    }
    const refusal = await screener.goto(`${h.baseUrl}/audit`);
    expect(refusal?.status()).toBe(403);
    await expect(screener.locator('form[action="/audit"]').count()).resolves.toBe(0);
    await expectAccessible(screener, 'page refused to a screener');
    await screener.goto(`${h.baseUrl}/contacts/${contactId}`);
    await expect(screener.locator(`a[href="/contacts/${contactId}/trail"]`).count()).resolves.toBe(0);
    await expect((await screener.goto(`${h.baseUrl}/contacts/${contactId}/trail`))?.status()).toBe(403);
  });
});
