import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLocalToken } from '../../../src/auth/tokens.js';
import { quietContact } from '../../fixtures/contacts.js';
import { webSession } from '../../support/second-opinions.js';
import { createTestApp, HOME_LA, storedCounts, TEST_SECRET, type TestApp } from '../../support/test-app.js';

/** Each input here gave a 500 before (issue 16, finding 5, 3 and 7): now a 4xx naming the field, and nothing stored. */
describe('inputs that used to be 500s', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => { t = await createTestApp({ logs }); });
  afterAll(async () => { await t.close(); });

  const paths = async (res: Response) => ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);

  it('JSON nested 2,000 deep in a field is refused with the field named, not a stack overflow', async () => {
    const before = await storedCounts(t.deps);
    let deep: unknown = 'x';
    for (let i = 0; i < 2000; i++) deep = [deep];
    const body = `{"receivedAt":"2026-11-24T10:00:00Z","narrative":${JSON.stringify(deep)}}`;
    const res = await t.request('POST', '/api/v1/contacts', { body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await paths(res))[0]).toMatch(/^\/narrative(\/0)+$/);
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('receivedAt before 1900 or after 2999 is refused at /receivedAt', async () => {
    for (const receivedAt of ['0999-03-14T09:20:00Z', '1066-10-14T09:00:00Z', '1899-12-31T23:59:59Z', '3000-01-01T00:00:00Z']) {
      const res = await t.request('POST', '/api/v1/contacts', { body: quietContact({ receivedAt }) });
      expect([400, 422], receivedAt).toContain(res.status);
      expect(await paths(res), receivedAt).toContain('/receivedAt');
    }
    // 1900 itself is a possible year: refused only because the child was not yet born.
    const edge = await t.request('POST', '/api/v1/contacts', { body: quietContact({ receivedAt: '1900-01-01T00:00:00Z' }) });
    expect(await paths(edge)).not.toContain('/receivedAt');
  });

  it('NUL, CR or LF in an audit-sample query parameter, or a seed that cannot go in a header, is a 4xx naming it', async () => {
    for (const [query, field] of [['seed=a%00b', 'seed'], ['seed=a%0d%0aSet-Cookie:%20x=1', 'seed'], ['screener=x%00', 'screener'], ['seed=caf%C3%A9', 'seed']] as const) {
      const res = await t.request('GET', `/api/v1/audit/samples?${query}`, { role: 'auditor' });
      expect(res.status, query).toBeGreaterThanOrEqual(400);
      expect(res.status, query).toBeLessThan(500);
      expect((await paths(res)).some((p) => p.endsWith(`/${field}`)), query).toBe(true);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('extreme dates in sample and oversight filters are refused by name', async () => {
    for (const [path, field] of [
      ['/api/v1/audit/samples?closedFrom=0001-01-01', 'closedFrom'], ['/api/v1/audit/samples?closedTo=9999-12-31', 'closedTo'],
      ['/api/v1/oversight/summary?from=0001-01-01&to=9999-12-31', 'from'],
    ] as const) {
      const res = await t.request('GET', path, { role: path.includes('oversight') ? 'manager' : 'auditor' });
      expect(res.status, path).toBe(400);
      expect((await paths(res)).some((p) => p.startsWith(`/${field}`)), path).toBe(true);
    }
  });

  it('a token whose sub holds a NUL is a 401', async () => {
    const token = await signLocalToken(new TextEncoder().encode(TEST_SECRET), { sub: 'screener\u0000-1', role: 'screener', la: HOME_LA },
      { issuer: t.config.jwtIssuer, audience: t.config.jwtAudience });
    const res = await t.request('POST', '/api/v1/contacts', { token, body: quietContact() });
    expect(res.status).toBe(401);
  });

  it('a POST to an unknown API path is a 404 problem, not the web pages’ session page', async () => {
    const res = await t.request('POST', '/api/v1/no-such-thing', { body: {} });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ type: 'urn:mash-triage:problem:not-found', status: 404 });
  });

  it('a web form with a NUL in the narrative is a 400 naming the field; its text reaches no log line', async () => {
    const session = await webSession(t, 'screener', 'screener-web'); // signing in is itself audited, so counted after
    const before = await storedCounts(t.deps);
    logs.length = 0;
    const marker = 'NARRATIVE-MARKER-7f3a';
    const res = await t.app.request('/contacts/new', {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: session.csrf, narrative: `${marker}\u0000 after`, channel: 'phone' }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<li>narrative</li>');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(marker);
    expect(await storedCounts(t.deps)).toEqual(before);
  });
});
