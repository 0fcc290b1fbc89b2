import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { createTokenVerifier } from '../../../src/auth/tokens.js';
import { assertServable, ConfigError, loadConfig } from '../../../src/config.js';
import { webSession } from '../../support/second-opinions.js';
import { createTestApp, TEST_SECRET, type TestApp } from '../../support/test-app.js';

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(fields).toString(),
});

async function signInForm(t: TestApp) {
  const res = await t.app.request('/sign-in');
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: /name="csrf" value="([^"]+)"/.exec(await res.text())![1]! };
}

describe('configuration: the demo sign-in is off unless a person switches it on, and never beside production settings', () => {
  const base = { MASH_JWT_SECRET: TEST_SECRET };
  it('is off by default', () => {
    expect(loadConfig(base).demoSignIn).toBe(false);
    expect(loadConfig({ ...base, MASH_DEMO_SIGN_IN: 'on' }).demoSignIn).toBe(true);
  });
  it('is refused at start-up with DATABASE_URL or MASH_JWKS_URL', () => {
    for (const production of [{ DATABASE_URL: 'postgres://db/mash', MASH_SESSION_SECRET: TEST_SECRET }, { MASH_JWKS_URL: 'https://idp.example/jwks' }]) {
      expect(() => loadConfig({ ...base, ...production, MASH_DEMO_SIGN_IN: 'on' })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, ...production, MASH_DEMO_SIGN_IN: 'on' })).toThrow(/MASH_DEMO_SIGN_IN/);
    }
  });
  it('a serving instance with DATABASE_URL needs one MASH_SESSION_SECRET for every instance; a script beside it does not', () => {
    const scriptConfig = loadConfig({ ...base, DATABASE_URL: 'postgres://db/mash' });
    expect(() => assertServable(scriptConfig)).toThrow(/MASH_SESSION_SECRET: is required with DATABASE_URL/);
    const served = loadConfig({ ...base, DATABASE_URL: 'postgres://db/mash', MASH_SESSION_SECRET: TEST_SECRET });
    expect(served.sessionSecret).toBe(TEST_SECRET);
    expect(() => assertServable(served)).not.toThrow();
    expect(() => assertServable(loadConfig(base))).not.toThrow();
  });
});

describe('web sign-in and sessions', () => {
  let t: TestApp;
  let second: TestApp; // another instance on the same database
  beforeAll(async () => {
    t = await createTestApp({ env: { MASH_RATE_LIMIT_PER_MINUTE: '3' } });
    second = await createTestApp({ database: t.database, env: { MASH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => { await second.close(); await t.close(); });

  const page = async (app: TestApp, cookie: string, path = '/contacts') => app.app.request(path, { headers: { cookie } });

  it('with the demo sign-in off, the form is not offered and a posted role gives no session', async () => {
    const off = buildApp(t.deps, {
      tokens: createTokenVerifier(t.config), bodyLimitBytes: t.config.bodyLimitBytes,
      web: { sessionSecret: TEST_SECRET, idleMinutes: 30, localSignIn: false },
    });
    const get = await off.request('/sign-in');
    const html = await get.text();
    expect(html).not.toContain('name="role"');
    expect(html).not.toContain('Demo sign-in is on');
    const res = await off.request('/sign-in', form({ role: 'auditor', la: 'E06000056', sub: 'anyone' }));
    expect(res.status).toBe(404);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('mash-session');
  });

  it('while on, every page announces it', async () => {
    expect(await (await t.app.request('/sign-in')).text()).toContain('Demo sign-in is on');
    const session = await webSession(t, 'screener', 'screener-banner');
    expect(await (await page(t, session.cookie)).text()).toContain('Demo sign-in is on');
  });

  it('a sign-in without the form’s CSRF token (a cross-site post) gives no session', async () => {
    const res = await t.app.request('/sign-in', form({ role: 'auditor', la: 'E06000056', sub: 'csrf-victim' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('mash-session');
    const { cookie } = await signInForm(t);
    const forged = await t.app.request('/sign-in', form({ role: 'auditor', la: 'E06000056', sub: 'csrf-victim', csrf: 'forged' }, cookie));
    expect(forged.status).toBe(403);
  });

  it('sign-in attempts are limited per user id, across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const instance = i % 2 === 0 ? t : second;
      const { cookie, csrf } = await signInForm(instance);
      statuses.push((await instance.app.request('/sign-in', form({ role: 'nobody', la: 'E06000056', sub: 'guessed-user', csrf }, cookie))).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('signing out deletes the session: the old cookie is refused on every instance', async () => {
    const session = await webSession(t, 'screener', 'screener-out');
    expect((await page(second, session.cookie)).status).toBe(200); // one session, any instance
    const out = await second.app.request('/sign-out', form({ csrf: session.csrf }, session.cookie));
    expect(out.status).toBe(303);
    for (const instance of [t, second]) {
      const res = await page(instance, session.cookie);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/sign-in/);
    }
    expect(await t.deps.db.selectFrom('web_sessions').select('sub').where('sub', '=', 'screener-out').execute()).toEqual([]);
  });

  it('a session idle past its window ends; a busy one still ends at its absolute lifetime', async () => {
    const idle = await webSession(t, 'screener', 'screener-idle');
    t.clock.advance(31 * 60_000);
    expect((await page(t, idle.cookie)).headers.get('location')).toBe('/sign-in?expired=1');

    const busy = await webSession(t, 'screener', 'screener-busy');
    for (let minutes = 0; minutes < 11 * 60 + 40; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await page(t, busy.cookie)).status, `after ${minutes + 20} minutes`).toBe(200);
    }
    t.clock.advance(25 * 60_000); // 12 h 5 min after sign-in, 25 min after the last request
    expect((await page(t, busy.cookie)).headers.get('location')).toBe('/sign-in?expired=1');
  });

  it('the API rate limit is one limit across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await (i % 2 === 0 ? t : second).request('GET', '/api/v1/rules', { sub: 'shared-limit' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
