import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { decidedContact, DRAW_EVERY_NO_ACTION, setSettings } from '../support/second-opinions.js';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';

const FIRST_REASONS = 'Graze seen by staff in the playground; Yarrowby note: the family is known to be supportive.';

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: a blind second screen that disagrees, settled by a manager`, { timeout: 180_000 }, () => {
  let h: BrowserHarness;
  let manager: Page;
  let screener: Page;
  let contactId: string;
  let screenUrl: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    setSettings(h.t, DRAW_EVERY_NO_ACTION);
    contactId = (await decidedContact(h.t, { recorder: 'rita', decider: 'dora', outcome: 'nfa', rationale: FIRST_REASONS })).id;
    manager = await (await h.browser.newContext()).newPage();
    await signIn(manager, h.baseUrl, 'manager', 'mo');
    screener = await (await h.browser.newContext()).newPage();
    await signIn(screener, h.baseUrl, 'screener', 'eve');
  });
  afterAll(async () => { await h?.close(); });

  it('the manager draws, and the contact decided NFA is drawn for a second screen', async () => {
    await manager.goto(`${h.baseUrl}/second-screens`);
    await manager.click('button:has-text("Draw from decisions")');
    await manager.waitForSelector('.govuk-notification-banner');
    await expect(manager.locator('.govuk-notification-banner').textContent()).resolves.toContain('1 drawn');
    await expect(manager.locator('table').textContent()).resolves.toContain(contactId);
    await expectAccessible(manager, 'second screens (manager)');
    await screenshot(manager, 'second-screen-01-drawn');
  });

  it('another screener screens it blind: the contact and its triage, nothing of the first decision', async () => {
    await screener.click('a:has-text("Second screens")');
    await screener.click(`a:has-text("Screen ${contactId}")`);
    screenUrl = screener.url();
    const text = (await screener.locator('main').textContent())!;
    expect(text).toContain('For information: the child grazed a knee');
    for (const hidden of ['Yarrowby', 'dora', 'No further action', 'no action share']) expect(text.replace(/No further action(?=\s*Other)/, '')).not.toContain(hidden);
    await expect(screener.locator('select#outcome option:checked').textContent()).resolves.toBe('Choose an outcome');
    await expectAccessible(screener, 'blind second screen');
    await screenshot(screener, 'second-screen-02-blind');

    await screener.click('button:has-text("Record your screen")');
    await screener.waitForSelector('.govuk-error-summary');
    await expectAccessible(screener, 'second screen with errors');

    await screener.selectOption('#outcome', 'assessment_s17');
    await screener.selectOption('#route', 's17_assessment');
    await screener.selectOption('#urgency', 'three_working_days');
    await screener.fill('#rationale', 'Third contact this term about the same child: an assessment would show what lies behind them.');
    await screener.click('button:has-text("Record your screen")');
    await screener.waitForURL(screenUrl);
    const after = (await screener.locator('main').textContent())!;
    expect(after).toContain('The two screens differ on the outcome');
    expect(after).toContain('No further action');
    expect(after).toContain('dora');
    await expectAccessible(screener, 'second screen recorded');
    await screenshot(screener, 'second-screen-03-differs');
  });

  it('the manager settles it with reasons; the contact goes back for a new decision', async () => {
    await manager.goto(`${h.baseUrl}/second-screens`);
    await manager.click(`a:has-text("${contactId}")`);
    await expect(manager.locator('main').textContent()).resolves.toContain('no action share');
    await manager.check('#standing-second');
    await manager.fill('#rationale', 'Three contacts in a term: the second screen is right that an assessment is needed.');
    await expectAccessible(manager, 'settle');
    await screenshot(manager, 'second-screen-04-settle');
    await manager.click('button:has-text("Settle")');
    await manager.waitForLoadState('load');
    const text = (await manager.locator('main').textContent())!;
    expect(text).toContain('Reopened for a new decision');
    expect(text).toContain('The second screen: Child and family assessment (s17)');
    await expectAccessible(manager, 'settled');
    await screenshot(manager, 'second-screen-05-settled');
    const row = await h.t.deps.db.selectFrom('contacts').select('status').where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(row.status).toBe('awaiting_decision');

    await manager.goto(`${h.baseUrl}/contacts/${contactId}/trail`);
    const trail = (await manager.locator('main').textContent())!;
    for (const event of ['Second screen selected', 'Second screen recorded', 'Second screen settled', 'Decision reopened', 'screened it again, blind', 'settled the two screens']) expect(trail).toContain(event);
    await screenshot(manager, 'second-screen-06-trail');
  });

  it('an auditor reads screening outcomes beside the national rate', async () => {
    const auditor = await (await h.browser.newContext()).newPage();
    await signIn(auditor, h.baseUrl, 'auditor', 'aud');
    await auditor.click('a:has-text("Screening outcomes")');
    await auditor.fill('#from', '2026-01-01');
    await auditor.fill('#to', '2026-11-30');
    await auditor.click('button:has-text("Show outcomes")');
    await expect(auditor.locator('main').textContent()).resolves.toContain('England (re-referrals)');
    await expectAccessible(auditor, 'screening outcomes');
    await screenshot(auditor, 'second-screen-07-screening-outcomes');
  });
});
