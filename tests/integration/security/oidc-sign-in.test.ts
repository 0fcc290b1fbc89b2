import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { createOidcClient } from '../../../src/auth/oidc-client.js';
import { createTokenVerifier } from '../../../src/auth/tokens.js';
import { ConfigError, loadConfig, type OidcConfig } from '../../../src/config.js';
import { CLIENT, REDIRECT_URL, startTestProvider, type TestProvider } from '../../support/oidc-provider.js';
import { createTestApp, HOME_LA, TEST_SECRET, type TestApp } from '../../support/test-app.js';

// The council's directory, as the provider's claims give it.
const ACCOUNTS = {
  'sam.screener': { roles: ['MASH-Screeners'], la: HOME_LA },
  'maya.manager': { roles: ['MASH-Managers', 'All-Staff'], la: HOME_LA },
  'fin.finance': { roles: ['Finance'], la: HOME_LA },
  'two.hats': { roles: ['MASH-Screeners', 'MASH-Auditors'], la: HOME_LA },
  'no.authority': { roles: ['MASH-Screeners'] },
};
const ROLE_MAP = 'MASH-Screeners=screener,MASH-Managers=manager,MASH-Auditors=auditor,MASH-Admins=admin';

describe('sign-in through the council’s identity provider (a real OpenID Connect provider, started here)', () => {
  let provider: TestProvider;
  let t: TestApp;
  let app: ReturnType<typeof buildApp>;
  const logs: string[] = [];
  /** The checks the refused sign-ins failed, as the service logged them. */
  const failedChecks = () => logs.map((line) => JSON.parse(line)).filter((l) => l.reason === 'token-refused').map((l) => l.claim);

  beforeAll(async () => {
    provider = await startTestProvider(ACCOUNTS);
    t = await createTestApp({ logs });
    const oidc: OidcConfig = given(loadConfig({
      MASH_JWT_SECRET: TEST_SECRET, MASH_OIDC_ISSUER: provider.issuer, MASH_OIDC_CLIENT_ID: CLIENT.id, MASH_OIDC_CLIENT_SECRET: CLIENT.secret,
      MASH_OIDC_REDIRECT_URL: REDIRECT_URL, MASH_OIDC_PROVIDER_NAME: 'Test Council', MASH_OIDC_SCOPES: 'openid mash', MASH_OIDC_ROLE_MAP: ROLE_MAP,
    }).oidc);
    app = buildApp(t.deps, {
      tokens: createTokenVerifier(t.config), bodyLimitBytes: t.config.bodyLimitBytes,
      web: { sessionSecret: TEST_SECRET, idleMinutes: 30, localSignIn: false, oidc: { client: createOidcClient(oidc, provider.fetch), mapping: oidc.mapping } },
    });
  });
  afterAll(async () => { await t.close(); await provider.close(); });
  beforeEach(() => { provider.tamper = null; });

  const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0];
  const sessionsOf = (sub: string) => t.deps.db.selectFrom('web_sessions').select(['role', 'la']).where('sub', '=', sub).execute();
  const auditOf = (action: string, sub: string) => t.deps.db.selectFrom('audit_log').select(['la', 'actor_role', 'detail']).where('action', '=', action).where('actor_sub', '=', sub).execute();

  /** Starts at the service's sign-in, goes through the provider, and comes back to the callback. */
  async function signIn(account: string) {
    const start = await app.request('/sign-in/oidc');
    expect(start.status).toBe(303);
    const stateCookie = given(cookieOf(start, '__Host-mash-oidc'));
    const authorization = new URL(given(start.headers.get('location')));
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const callback = await provider.authorize(authorization.href, account);
    return { callback, stateCookie, res: await app.request(callback, { headers: { cookie: stateCookie } }) };
  }

  function expectNoSession(res: Response) {
    expect(cookieOf(res, '__Host-mash-session')).toBeUndefined();
  }

  it('offers “Sign in with” the provider, and no demo form', async () => {
    const html = await (await app.request('/sign-in')).text();
    expect(html).toContain('Sign in with Test Council');
    expect(html).toContain('href="/sign-in/oidc"');
    expect(html).not.toContain('name="role"');
  });

  it('signing in gives a server-side session with the role and authority mapped from the claims, and is audited', async () => {
    const { res } = await signIn('maya.manager');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('url=/reviews');
    const cookie = given(cookieOf(res, '__Host-mash-session'));
    expect(await sessionsOf('maya.manager')).toEqual([{ role: 'manager', la: HOME_LA }]);
    expect((await app.request('/reviews', { headers: { cookie } })).status).toBe(200);
    const audit = await auditOf('session.signed-in', 'maya.manager');
    expect(audit).toMatchObject([{ la: HOME_LA, actor_role: 'manager' }]);
    expect(detailOf(audit[0]?.detail)).toMatchObject({ method: 'oidc' });
  });

  it('signing out ends the session (the old cookie is refused) and goes on to the provider’s end-session page', async () => {
    const { res } = await signIn('sam.screener');
    const cookie = given(cookieOf(res, '__Host-mash-session'));
    const page = await (await app.request('/contacts/new', { headers: { cookie } })).text();
    const csrf = given(/name="csrf" value="([^"]+)"/.exec(page)?.[1]);
    const out = await app.request('/sign-out', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf }).toString() });
    expect(out.status).toBe(200);
    const endSession = new URL(given(/content="0;url=([^"]+)"/.exec(await out.text())?.[1]).replaceAll('&amp;', '&'));
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('client_id')).toBe(CLIENT.id);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe('https://mash.example/sign-in');
    const again = await app.request('/contacts/new', { headers: { cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toMatch(/^\/sign-in/);
    expect(await sessionsOf('sam.screener')).toEqual([]);
    expect(await auditOf('session.signed-out', 'sam.screener')).toHaveLength(1);
  });

  it('an ID token the provider issued for another audience is refused, and no session is made', async () => {
    provider.tamper = (claims) => ({ ...claims, aud: 'another-service' });
    const { res } = await signIn('fin.finance');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('could not be completed');
    expectNoSession(res);
    expect(await sessionsOf('fin.finance')).toEqual([]);
    expect(failedChecks().at(-1)).toBe('aud');
  });

  it('an expired ID token is refused, and no session is made', async () => {
    const now = Math.floor(Date.now() / 1000);
    provider.tamper = (claims) => ({ ...claims, sub: 'expired.sam', iat: now - 7200, exp: now - 3600 });
    const { res } = await signIn('sam.screener');
    expect(res.status).toBe(400);
    expectNoSession(res);
    expect(await sessionsOf('expired.sam')).toEqual([]);
    expect(failedChecks().at(-1)).toBe('exp');
  });

  it('a replayed callback (the same state and code twice) is refused, and only the first made a session', async () => {
    const { callback, stateCookie, res } = await signIn('maya.manager');
    expect(res.status).toBe(200);
    const before = await sessionsOf('maya.manager');
    const replay = await app.request(callback, { headers: { cookie: stateCookie } });
    expect(replay.status).toBe(400);
    expectNoSession(replay);
    expect(await sessionsOf('maya.manager')).toHaveLength(before.length);
  });

  it('a callback without the browser’s state cookie (someone else’s sign-in pushed onto this browser) is refused', async () => {
    const start = await app.request('/sign-in/oidc');
    const callback = await provider.authorize(given(start.headers.get('location')), 'sam.screener');
    const res = await app.request(callback);
    expect(res.status).toBe(400);
    expectNoSession(res);
  });

  it('a person with no mapped role is refused with a clear page and an audit entry, and no session', async () => {
    const { res } = await signIn('fin.finance');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('does not give you a role in this service');
    expectNoSession(res);
    expect(await sessionsOf('fin.finance')).toEqual([]);
    const audit = await auditOf('session.sign-in-refused', 'fin.finance');
    expect(audit).toHaveLength(1);
    expect(detailOf(audit[0]?.detail)).toEqual({ method: 'oidc', reason: 'no-role', requestId: expect.any(String) });
  });

  it('a provider that does not answer gives a page saying so, not an error', async () => {
    const down: OidcConfig = { ...given(loadConfig({
      MASH_JWT_SECRET: TEST_SECRET, MASH_OIDC_ISSUER: 'http://127.0.0.1:1', MASH_OIDC_CLIENT_ID: CLIENT.id, MASH_OIDC_CLIENT_SECRET: CLIENT.secret, MASH_OIDC_REDIRECT_URL: REDIRECT_URL,
    }).oidc) };
    const unreachable = buildApp(t.deps, {
      tokens: createTokenVerifier(t.config), bodyLimitBytes: t.config.bodyLimitBytes,
      web: { sessionSecret: TEST_SECRET, idleMinutes: 30, localSignIn: false, oidc: { client: createOidcClient(down), mapping: down.mapping } },
    });
    const res = await unreachable.request('/sign-in/oidc');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('is not answering just now');
    expect(cookieOf(res, '__Host-mash-oidc')).toBeUndefined();
  });

  it('two mapped roles, or no authority, are refused rather than guessed', async () => {
    const twoHats = await signIn('two.hats');
    expect(twoHats.res.status).toBe(403);
    expect(await twoHats.res.text()).toContain('more than one role');
    expect(await auditOf('session.sign-in-refused', 'two.hats')).toHaveLength(1);
    const noAuthority = await signIn('no.authority');
    expect(noAuthority.res.status).toBe(403);
    expect(await noAuthority.res.text()).toContain('which local authority');
    expect([...await sessionsOf('two.hats'), ...await sessionsOf('no.authority')]).toEqual([]);
  });
});

describe('configuration of the identity provider', () => {
  const oidc = { MASH_JWT_SECRET: TEST_SECRET, MASH_OIDC_ISSUER: 'https://login.council.example', MASH_OIDC_CLIENT_ID: 'mash', MASH_OIDC_CLIENT_SECRET: 's', MASH_OIDC_REDIRECT_URL: 'https://mash.council.example/sign-in/callback' };
  it('needs all four settings, https, a valid role map, and no demo sign-in beside it', () => {
    expect(loadConfig(oidc).oidc?.mapping).toEqual({ roleClaim: 'roles', authorityClaim: 'la', roles: { screener: 'screener', manager: 'manager', auditor: 'auditor', admin: 'admin' } });
    expect(() => loadConfig({ ...oidc, MASH_OIDC_CLIENT_SECRET: '' })).toThrow(/MASH_OIDC_CLIENT_SECRET: is required/);
    expect(() => loadConfig({ ...oidc, MASH_OIDC_ISSUER: 'http://login.council.example' })).toThrow(/MASH_OIDC_ISSUER: must be https/);
    expect(() => loadConfig({ ...oidc, MASH_OIDC_ROLE_MAP: 'Staff=superuser' })).toThrow(/MASH_OIDC_ROLE_MAP/);
    expect(() => loadConfig({ ...oidc, MASH_DEMO_SIGN_IN: 'on' })).toThrow(ConfigError);
  });
});

function detailOf(detail: unknown): unknown {
  return typeof detail === 'string' ? JSON.parse(detail) : detail;
}

function given<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}
