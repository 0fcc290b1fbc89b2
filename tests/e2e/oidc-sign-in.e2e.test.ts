import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createOidcClient } from '../../src/auth/oidc-client.js';
import { createTokenVerifier } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { CHROMIUM_PATH, NEEDS_CHROMIUM } from '../support/needs.js';
import { CLIENT, startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { createTestApp, HOME_LA, TEST_SECRET, type TestApp } from '../support/test-app.js';

/**
 * The provider's redirect back is a cross-site navigation (127.0.0.1 to
 * localhost are different sites), so this checks in a real browser what the
 * fetch-driven test cannot: the Lax state cookie comes back with it, and the
 * Strict session cookie set there is sent on the page the browser moves on to.
 */
describe.skipIf(!NEEDS_CHROMIUM.present)(`${NEEDS_CHROMIUM.reason}: signing in through the identity provider in the browser`, { timeout: 120_000 }, () => {
  let t: TestApp;
  let provider: TestProvider;
  let server: ServerType;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    let app: ReturnType<typeof buildApp> | undefined;
    server = await new Promise((resolve) => {
      const s = serve({ fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    provider = await startTestProvider({ 'sam.screener': { roles: ['MASH-Screeners'], la: HOME_LA } }, `${baseUrl}/sign-in/callback`);
    const oidc = loadConfig({
      MASH_JWT_SECRET: TEST_SECRET, MASH_OIDC_ISSUER: provider.issuer, MASH_OIDC_CLIENT_ID: CLIENT.id, MASH_OIDC_CLIENT_SECRET: CLIENT.secret,
      MASH_OIDC_REDIRECT_URL: `${baseUrl}/sign-in/callback`, MASH_OIDC_PROVIDER_NAME: 'Test Council', MASH_OIDC_SCOPES: 'openid mash', MASH_OIDC_ROLE_MAP: 'MASH-Screeners=screener',
    }).oidc;
    if (!oidc) throw new Error('the OIDC settings did not load');
    app = buildApp(t.deps, {
      tokens: createTokenVerifier(t.config), bodyLimitBytes: t.config.bodyLimitBytes,
      web: { sessionSecret: TEST_SECRET, idleMinutes: 30, localSignIn: false, oidc: { client: createOidcClient(oidc), mapping: oidc.mapping } },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await provider?.close();
    await t?.close();
  });

  it('signs in at the provider, lands on the screener’s first page, and signs out through the provider', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.click('a:has-text("Sign in with Test Council")');
    await page.fill('input[name=login]', 'sam.screener');
    await page.fill('input[name=password]', 'any');
    await page.click('button[type=submit]');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/contacts/new', { waitUntil: 'load' }),
      page.click('button[type=submit]'), // the provider's consent page
    ]);
    expect(await page.locator('h1').first().textContent()).not.toContain('Sign in');
    const session = (await page.context().cookies(baseUrl)).find((c) => c.name === '__Host-mash-session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await t.deps.db.selectFrom('web_sessions').select(['role', 'la']).where('sub', '=', 'sam.screener').execute()).toEqual([{ role: 'screener', la: HOME_LA }]);

    await page.click('button:has-text("Sign out")');
    await page.waitForURL((url) => url.origin === provider.issuer);
    expect(await t.deps.db.selectFrom('web_sessions').select('sub').where('sub', '=', 'sam.screener').execute()).toEqual([]);
  });
});
