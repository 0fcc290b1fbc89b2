import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact } from '../fixtures/contacts.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { recordMarch2023 } from './flows.js';

/** What reads as generated text rather than a colleague's words (issue 17). */
const GENERATED = [/\{\{|\}\}/, /\((s|es|ren|babies)\)/, / (yes|no);/, /: not known/];

/** The reasons on the prompt cards, as the screener sees them. */
async function cardTexts(page: Page): Promise<{ action: string; reasons: string[] }[]> {
  const cards = [];
  for (const card of await page.locator('.app-prompt').all()) {
    const action = (await card.getAttribute('id') ?? '').replace(/^prompt-/, '');
    // The rendered text of each reason: the words the screener sees.
    const reasons = (await card.locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    cards.push({ action, reasons });
  }
  return cards;
}

/** Each rule's reason in full on one card only; the other cards point to it. */
async function expectReadableCards(page: Page) {
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as the issue asks, not what hidden details hold
  const visible = await page.locator('main').innerText();
  for (const pattern of GENERATED) expect(visible).not.toMatch(pattern);
  const cards = await cardTexts(page);
  expect(cards.length).toBeGreaterThan(2);
  const full = new Map<string, number>();
  for (const { action, reasons } of cards) {
    expect(reasons.length, action).toBeGreaterThan(0);
    expect(new Set(reasons).size, `${action}: a reason twice`).toBe(reasons.length);
    for (const reason of reasons.filter((r) => !r.includes('Given in full under'))) {
      const id = /\(([a-z0-9:-]+)\)$/.exec(reason)?.[1] ?? reason;
      full.set(id, (full.get(id) ?? 0) + 1);
    }
  }
  for (const [id, times] of full) expect(times, `${id} given in full once`).toBe(1);
  return cards;
}

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: reasons read as a colleague's words`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  let screener: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    screener = await (await h.browser.newContext()).newPage();
    await signIn(screener, h.baseUrl, 'screener', 'anna');
  });
  afterAll(async () => { await h?.close(); });

  it('the March 2023 contact: each reason once, the repeats pointing to it, the child asked about how she came to be hurt', async () => {
    await recordMarch2023(screener, h.baseUrl);
    const cards = await expectReadableCards(screener);
    const all = cards.flatMap((c) => c.reasons).join('\n');
    expect(all).toContain('Given in full under');
    const speak = cards.find((c) => c.action === 'speak_to_child');
    expect(speak?.reasons.join(' ')).toMatch(/how they came to be hurt/);
    expect(all).not.toMatch(/who was hit/);
    await expectAccessible(screener, 'triage with readable reasons');
    await screenshot(screener, 'reasons-01-march-2023-cards');
  });

  it('a bruised four-month-old: the injury named in words, one baby counted as one baby', async () => {
    const contact = quietContact({
      receivedAt: '2026-11-27T10:00:00Z',
      concerns: ['18C'],
      narrative: 'Health visitor saw a small bruise on the cheek of a four-month-old; mother could not say how it happened.',
      children: [child({
        givenName: 'Ava', dateOfBirth: '2026-07-20', mobility: 'not_independently_mobile', communicates: false,
        injuries: [{ type: 'bruise', sites: ['cheeks'], pattern: [], explanation: null, explanationAssessment: 'none' }],
      })],
      adults: [{ role: 'mother', livesWithChild: true, checksCompleted: false }, { role: 'father', livesWithChild: true, checksCompleted: false }],
    });
    const res = await h.t.request('POST', '/api/v1/contacts', { body: contact });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    await screener.goto(`${h.baseUrl}/contacts/${id}`);
    const cards = await expectReadableCards(screener);
    const all = cards.flatMap((c) => c.reasons).join('\n');
    expect(all).toMatch(/An injury is concerning for abuse: a bruise or mark at a TEN-4-FACESp site or age and no explanation, or one that does not fit the injury\./);
    expect(all).toContain('1 baby under one');
    expect(all).toContain('2 adults named without checks recorded');
    await expectAccessible(screener, 'triage of a bruised baby');
    await screenshot(screener, 'reasons-02-bruised-baby-cards');
  });
});
