import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { importCases, SIX_CASES } from '../support/second-opinions.js';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';

/** What each screener answers, practice contact by practice contact: [outcome, route, urgency]. */
const ANSWERS: Record<string, [string, string, string][]> = {
  ana: [['strategy_discussion', 's47_strategy', 'same_day'], ['assessment_s17', 's17_assessment', 'one_working_day'], ['nfa', 'advice_signpost', 'none'], ['strategy_discussion', 's47_strategy', 'same_day']],
  ben: [['strategy_discussion', 's47_strategy', 'within_hours'], ['early_help', 'early_help', 'three_working_days'], ['nfa', 'advice_signpost', 'none'], ['strategy_discussion', 's47_strategy', 'same_day']],
  cal: [['strategy_discussion', 's47_strategy', 'same_day'], ['assessment_s17', 's17_assessment', 'three_working_days'], ['information_advice', 'advice_signpost', 'none'], ['strategy_discussion', 's47_strategy', 'same_day']],
};

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: a calibration exercise with three screeners`, { timeout: 240_000 }, () => {
  let h: BrowserHarness;
  let manager: Page;
  let exerciseUrl: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    // The bank, as `npm run calibration:import -- tests/corpus/cases` would load it (four cases here).
    await importCases(h.t, [SIX_CASES[0]!, SIX_CASES[1]!, SIX_CASES[3]!, SIX_CASES[4]!]);
    manager = await (await h.browser.newContext()).newPage();
    await signIn(manager, h.baseUrl, 'manager', 'mo');
  });
  afterAll(async () => { await h?.close(); });

  it('the manager forms a team of three and sets them four practice contacts', async () => {
    await manager.goto(`${h.baseUrl}/teams`);
    await manager.fill('#name', 'Front door A');
    await manager.fill('#screeners', 'ana\nben\ncal');
    await manager.click('button:has-text("Form the team")');
    await manager.waitForURL(/\/teams$/);
    await expect(manager.locator('main').textContent()).resolves.toContain('Front door A');
    await expectAccessible(manager, 'teams');
    await screenshot(manager, 'calibration-01-team');

    await manager.goto(`${h.baseUrl}/calibration`);
    await manager.selectOption('#teamId', { label: 'Front door A' });
    await manager.fill('#title', 'December calibration');
    for (const box of await manager.locator('input[name=practiceContactIds]').all()) await box.check();
    await expectAccessible(manager, 'set an exercise');
    await screenshot(manager, 'calibration-02-set-exercise');
    await manager.click('button:has-text("Set the exercise")');
    await manager.waitForURL(/\/calibration\/cex_/);
    exerciseUrl = manager.url();
    await expect(manager.locator('table').first().locator('tbody tr').count()).resolves.toBe(4);
  });

  it('each screener triages the practice contacts alone, seeing nobody else’s answers', async () => {
    for (const sub of ['ana', 'ben', 'cal']) {
      const page = await (await h.browser.newContext()).newPage();
      await signIn(page, h.baseUrl, 'screener', sub);
      await page.goto(`${h.baseUrl}/calibration`);
      await page.click('a:has-text("December calibration")');
      await page.click('a.govuk-button:has-text("Start")');
      for (const [i, [outcome, route, urgency]] of ANSWERS[sub]!.entries()) {
        await page.waitForSelector('#outcome');
        const text = await page.locator('main').textContent();
        expect(text).toContain('Practice only');
        for (const other of ['ana', 'ben', 'cal'].filter((s) => s !== sub)) expect(text).not.toContain(`${other},`);
        if (sub === 'ana' && i === 0) {
          await expect(page.locator('main').textContent()).resolves.toContain('Speak to the referrer directly');
          await expectAccessible(page, 'practice contact');
          await screenshot(page, 'calibration-03-practice-contact');
        }
        await page.selectOption('#outcome', outcome);
        await page.selectOption('#route', route);
        await page.selectOption('#urgency', urgency);
        await page.click('button:has-text("Record your answer")');
        await page.waitForLoadState('load');
      }
      expect(page.url()).toBe(exerciseUrl);
      await expect(page.locator('main').textContent()).resolves.not.toContain('Not answered');
      if (sub === 'cal') {
        await expectAccessible(page, 'exercise answered');
        await screenshot(page, 'calibration-04-exercise-answered');
        // Results wait for the exercise to close, so that no one's answers lead another's.
        const early = await page.goto(`${exerciseUrl}/results`);
        expect(early?.status()).toBe(409);
      }
      await page.context().close();
    }
    expect(await h.t.deps.db.selectFrom('calibration_answers').select('screener').execute()).toHaveLength(12);
  });

  it('the manager closes it; everyone sees alpha and kappa with intervals, and where answers diverged', async () => {
    await manager.goto(exerciseUrl);
    await expect(manager.locator('main').textContent()).resolves.toContain('4 of 4');
    await manager.click('button:has-text("Close the exercise")');
    await manager.waitForURL(/\/results$/);
    const text = await manager.locator('main').textContent();
    expect(text).toContain('Krippendorff’s α, ordinal');
    expect(text).toMatch(/95% CI -?\d\.\d{3} to -?\d\.\d{3}/);
    expect(text).toContain('diverged');
    await expectAccessible(manager, 'exercise results (manager)');
    await screenshot(manager, 'calibration-05-results-manager');

    const ben = await (await h.browser.newContext()).newPage();
    await signIn(ben, h.baseUrl, 'screener', 'ben');
    await ben.goto(`${exerciseUrl}/results`);
    const seen = await ben.locator('main').textContent();
    expect(seen).toContain('How far the team agreed');
    expect(seen).not.toContain('Who answered what');
    await expectAccessible(ben, 'exercise results (screener)');
    await screenshot(ben, 'calibration-06-results-screener');

    await ben.click('a:has-text("My practice")');
    await ben.waitForURL(/\/screeners\/ben$/);
    await expect(ben.locator('main').textContent()).resolves.toContain('December calibration');
    await expectAccessible(ben, 'my practice');
    await screenshot(ben, 'calibration-07-my-practice');

    await manager.goto(`${h.baseUrl}/calibration`);
    await expect(manager.locator('main').textContent()).resolves.toContain('Agreement over time: Front door A');
    await expectAccessible(manager, 'calibration over time');
    await screenshot(manager, 'calibration-08-over-time');
  });
});
