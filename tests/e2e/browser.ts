import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from '../support/needs.js';
import type { RuleSet } from '../../src/rules/rule-set.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

export const SCREENSHOTS = 'test-artifacts/screenshots';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app on a loopback port, on a fresh test database, and Debian's Chromium driving it. */
export async function startBrowserHarness(options: { now?: string; ruleSet?: RuleSet } = {}): Promise<BrowserHarness> {
  const t = await createTestApp({ ...(options.now ? { now: options.now } : {}), ...(options.ruleSet ? { ruleSet: options.ruleSet } : {}) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t, browser, baseUrl: `http://localhost:${port}`,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, role: string, sub: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.check(`input[name=role][value=${role}]`);
  await page.fill('#sub', sub);
  // Wait for the signed-in page to load: a navigation started before it would abort the sign-in's redirect.
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/sign-in', { waitUntil: 'load' }),
    page.click('button:has-text("Sign in")'),
  ]);
}

/** axe-core on the page as it stands: no serious or critical violation of WCAG 2.2 AA. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's own CSP (no inline scripts) stays in force.
  await page.evaluate(axeSource);
  type AxeResult = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  const result = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })`) as AxeResult;
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, `accessibility of ${name}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
