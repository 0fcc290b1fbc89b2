import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startBrowserHarness, type BrowserHarness } from './browser.js';
import { openContactForm, storedContact } from './flows.js';
import { NEEDS_CHROMIUM } from '../support/needs.js';

/** What every contact needs: the referrer, a child and what was said. The received date is today's, as the form sets it. */
async function fillEssentials(page: Page) {
  await page.selectOption('#referrer-source', '6');
  await page.fill('#referrer-organisation', 'Police');
  await page.fill('#children-0-givenName', 'Amira');
  await page.fill('#children-0-dateOfBirth', '4 6 2021');
  await page.fill('#narrative', 'Police attended a domestic incident overnight; mother was strangled by her partner while Amira was in the room.');
}


describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: questions revealed only when the contact is about them`, { timeout: 120_000 }, () => {
  let h: BrowserHarness;
  beforeAll(async () => { h = await startBrowserHarness(); });
  afterAll(async () => { await h?.close(); });

  it('keeps a simple contact short: every revealed question starts hidden', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await signIn(page, h.baseUrl, 'screener', 'anna');
    await openContactForm(page, h.baseUrl);
    const conditionals = page.locator('.govuk-checkboxes__conditional, .govuk-radios__conditional');
    expect(await conditionals.count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('.govuk-checkboxes__conditional:visible, .govuk-radios__conditional:visible').count()).toBe(0);
    await expect(page.isVisible('#domesticAbuseDetail-strangulation')).resolves.toBe(false);
    await expectAccessible(page, 'record a contact');
    await screenshot(page, '10-record-contact-closed');
    await page.context().close();
  });

  it('records domestic abuse with strangulation, a disclosure and an adult who poses a risk, and the API returns them', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await signIn(page, h.baseUrl, 'screener', 'anna');
    await openContactForm(page, h.baseUrl);
    await fillEssentials(page);

    // Ticking "Domestic abuse" reveals its questions.
    await page.check('#household');
    await expect(page.isVisible('#domesticAbuseDetail-strangulation')).resolves.toBe(true);
    await page.check('#domesticAbuseDetail-dashRisk-high');
    await page.check('#domesticAbuseDetail-strangulation');
    await page.check('#domesticAbuseDetail-weapon-no');
    await page.check('#domesticAbuseDetail-childPresent');
    await page.fill('#domesticAbuseDetail-incidentsLast12Months', '3');

    // The child's "has disclosed" reveals what and about whom.
    await page.check('#children-0-disclosure');
    await page.check('#children-0-disclosureKind-emotional');
    await page.check('#children-0-disclosureAbout');
    await page.check('#children-0-disclosureAlreadyActedOn-no');

    // An adult who may pose a risk to children.
    await page.selectOption('#adults-0-role', 'partner');
    await page.check('#adults-0-flags-allegedPerpetrator');
    await page.check('#adults-0-flags-posesRisk');
    await page.check('#adults-0-harmedChildBefore-no');
    await page.check('#adults-0-hasAccessToChild');

    // Neglect answered, then unticked: hidden questions are not recorded.
    await page.check('#concernAreas-neglect');
    await page.fill('#neglect-wasNotBrought', '4');
    await page.uncheck('#concernAreas-neglect');
    await expect(page.isVisible('#neglect-wasNotBrought')).resolves.toBe(false);

    await page.check('#protectiveAdultPresent-no');
    await expectAccessible(page, 'record a contact with revealed questions');
    await screenshot(page, '11-record-contact-domestic-abuse');

    await page.click('button[value=record]');
    await page.waitForURL(/\/contacts\/con_/);
    const contact = await storedContact(h, page.url());
    expect(contact.domesticAbuseDetail).toEqual({ dashRisk: 'high', strangulation: true, weapon: false, childPresent: true, incidentsLast12Months: 3 });
    expect(contact.household).toEqual({ domesticAbuse: true });
    expect(contact.protectiveAdultPresent).toBe(false);
    expect(contact).not.toHaveProperty('neglect');
    expect(contact).not.toHaveProperty('physicalPunishment');
    expect(contact.children[0]).toMatchObject({ disclosure: true, disclosureKind: 'emotional', disclosureAbout: 'parent_or_carer', disclosureAlreadyActedOn: false });
    expect(contact.children[0]).not.toHaveProperty('missingEpisodesLast12Months');
    expect(contact.adults[0]).toMatchObject({ role: 'partner', allegedPerpetrator: true, harmedChildBefore: false, hasAccessToChild: true });
    expect(contact.adults[0]).not.toHaveProperty('posesRisk');
    expect(contact.adults[0]).not.toHaveProperty('sexualRiskToChildren');
    const triage = contact.triage as { facts: Record<string, unknown>; priority: string };
    expect(triage.facts).toMatchObject({ domesticAbuseStrangulation: true, domesticAbuseHighRisk: true, protectiveAdultPresent: false });
    expect(triage.priority).toBe('red');
    await expectAccessible(page, 'triage of a domestic abuse contact');
    await page.context().close();
  });

  it('without JavaScript shows every question, and records what was answered', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, h.baseUrl, 'screener', 'ben');
    await page.goto(`${h.baseUrl}/contacts/new`);
    await expect(page.isVisible('#domesticAbuseDetail-strangulation')).resolves.toBe(true);
    await expect(page.isVisible('#children-0-disclosureKind')).resolves.toBe(true);
    await expect(page.isVisible('#adults-0-releaseOrMoveInOn')).resolves.toBe(true);
    await screenshot(page, '12-record-contact-no-javascript');
    await fillEssentials(page);
    await page.check('#physicalPunishmentReported');
    await page.check('#physicalPunishment-implement');
    await page.check('#physicalPunishment-toHead-no');
    await page.fill('#children-0-missingEpisodesLast12Months', 'lots');
    await page.click('button[value=record]');
    // A count that is not a number is shown against its field, and the answers stay.
    await page.waitForSelector('.govuk-error-summary');
    const links = await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#children-0-missingEpisodesLast12Months']);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter times reported missing in the last 12 months for child 1 as a whole number, like 3');
    await expect(page.isChecked('#physicalPunishment-implement')).resolves.toBe(true);
    await page.fill('#children-0-missingEpisodesLast12Months', '2');
    await page.click('button[value=record]');
    await page.waitForURL(/\/contacts\/con_/);
    const contact = await storedContact(h, page.url());
    expect(contact.physicalPunishmentReported).toBe(true);
    expect(contact.physicalPunishment).toEqual({ implement: true, toHead: false });
    expect(contact.children[0].missingEpisodesLast12Months).toBe(2);
    expect(contact).not.toHaveProperty('domesticAbuseDetail');
    await context.close();
  });
});
