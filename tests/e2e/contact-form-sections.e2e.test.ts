import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM } from '../support/needs.js';
import { expectAccessible, SCREENSHOTS, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { openContactForm, storedContact } from './flows.js';

const SECTIONS = ['section-referrer', 'section-children', 'section-what-happened', 'section-household', 'section-view'] as const;

async function shoot(page: Page, section: (typeof SECTIONS)[number], name: string) {
  await page.locator(`section[aria-labelledby=${section}]`).screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

async function expectFitsWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const [scrollWidth, innerWidth] = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]') as [number, number];
  expect(scrollWidth, `the form at ${width} px is no wider than the window`).toBeLessThanOrEqual(innerWidth);
}

const visible = (page: Page, selector: string) => page.isVisible(selector);

describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: the contact form in sections, follow-ups only when they apply`, { timeout: 180_000 }, () => {
  let h: BrowserHarness;
  beforeAll(async () => { h = await startBrowserHarness(); });
  afterAll(async () => { await h?.close(); });

  it('shows each follow-up once its answer makes it apply, is accessible in each state, and fits 1024 and 375 px', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(page, h.baseUrl, 'screener', 'anna');
    await openContactForm(page, h.baseUrl);
    const headings = await page.locator('h2.govuk-heading-l').allTextContents();
    expect(headings).toEqual(['1. Who referred', '2. The children', '3. What happened', '4. The household and history', '5. Your view']);
    await expect(page.isChecked('#channel')).resolves.toBe(true);

    // Nothing chosen yet: the referrer's details show, an injury's questions and mobility wait for their answers.
    await expect(visible(page, '#referrer-name')).resolves.toBe(true);
    await expect(visible(page, '#children-0-injury-sites')).resolves.toBe(false);
    await expect(visible(page, '#children-0-mobility')).resolves.toBe(true);
    await expectAccessible(page, 'the contact form in sections');
    for (const [i, section] of SECTIONS.entries()) await shoot(page, section, `contact-form-0${i + 1}-${section.replace('section-', '')}`);

    // An anonymous referrer: no name, organisation or role to ask for.
    await page.selectOption('#referrer-source', '9');
    await expect(visible(page, '#referrer-name')).resolves.toBe(false);
    await shoot(page, 'section-referrer', 'contact-form-06-referrer-anonymous');
    await page.selectOption('#referrer-source', '3B');
    await expect(visible(page, '#referrer-name')).resolves.toBe(true);

    // Mobility for a child under two, by age or date of birth; not for an older child.
    await page.fill('#children-0-dateOfBirth', '3 years');
    await expect(visible(page, '#children-0-mobility')).resolves.toBe(false);
    await page.fill('#children-0-dateOfBirth', '1 3 2025');
    await expect(visible(page, '#children-0-mobility')).resolves.toBe(true);
    await page.fill('#children-0-dateOfBirth', '4 months');
    await expect(visible(page, '#children-0-mobility')).resolves.toBe(true);
    await page.check('#children-0-unborn');
    await expect(visible(page, '#children-0-expectedDateOfBirth')).resolves.toBe(true);
    await page.uncheck('#children-0-unborn');
    await shoot(page, 'section-children', 'contact-form-07-children-baby');

    // An injury's questions follow its type.
    await page.selectOption('#children-0-injury-type', 'bruise');
    await expect(visible(page, '#children-0-injury-sites')).resolves.toBe(true);
    await page.check('#children-0-injury-sites-cheeks');
    await page.check('#livesWith');
    await expectAccessible(page, 'the contact form with follow-ups shown');
    await shoot(page, 'section-what-happened', 'contact-form-08-what-happened-injury');
    await expectFitsWidth(page, 1024);
    await expectFitsWidth(page, 375);
    await screenshot(page, 'contact-form-09-375px');
    await page.context().close();
  });

  it('sends nothing from a follow-up that no longer applies', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await signIn(page, h.baseUrl, 'screener', 'anna');
    await openContactForm(page, h.baseUrl);
    await page.selectOption('#referrer-source', '1B');
    await page.fill('#referrer-name', 'Jo Bloggs');
    await page.selectOption('#referrer-source', '9');
    await page.fill('#children-0-dateOfBirth', '10 months');
    await page.check('#children-0-mobility-becoming_mobile');
    await page.fill('#children-0-dateOfBirth', '5 years');
    await page.selectOption('#children-0-injury-type', 'burn');
    await page.check('#children-0-injury-sites-hand');
    await page.selectOption('#children-0-injury-type', '');
    await page.fill('#narrative', 'An anonymous caller is worried about a five-year-old left alone.');
    await page.click('button[value=record]');
    await page.waitForURL(/\/contacts\/con_/);
    const contact = await storedContact(h, page.url());
    expect(contact.referrer).toEqual({ source: '9', spokenToDirectly: true });
    expect(contact.children[0]).toMatchObject({ dateOfBirth: '2021-11-28', injuries: [] });
    expect(contact.children[0]).not.toHaveProperty('mobility');
    await page.context().close();
  });

  it('without JavaScript shows every follow-up, and records what was answered', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await signIn(page, h.baseUrl, 'screener', 'ben');
    await page.goto(`${h.baseUrl}/contacts/new`);
    for (const id of ['#referrer-name', '#children-0-mobility', '#children-0-injury-sites', '#children-0-expectedDateOfBirth']) {
      await expect(visible(page, id), id).resolves.toBe(true);
    }
    await screenshot(page, 'contact-form-10-no-javascript');
    await page.selectOption('#referrer-source', '3B');
    await page.fill('#referrer-name', 'Sam Patel');
    await page.fill('#children-0-dateOfBirth', '4 months');
    await page.check('#children-0-mobility');
    await page.selectOption('#children-0-injury-type', 'bruise');
    await page.check('#children-0-injury-sites-cheeks');
    await page.fill('#narrative', 'Health visitor saw a small bruise on the cheek of a four-month-old.');
    await page.click('button[value=record]');
    await page.waitForURL(/\/contacts\/con_/);
    await expect(page.locator('main').textContent()).resolves.toContain('Red');
    const contact = await storedContact(h, page.url());
    expect(contact.referrer).toEqual({ source: '3B', name: 'Sam Patel', spokenToDirectly: true });
    expect(contact.children[0]).toMatchObject({ dateOfBirth: '2026-07-28', mobility: 'not_independently_mobile', injuries: [{ type: 'bruise', sites: ['cheeks'] }] });
    await context.close();
  });
});
