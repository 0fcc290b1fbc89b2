import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, PUBLIC, routeKey } from '../../../src/http/access-matrix.js';
import type { AppEnv } from '../../../src/http/env.js';
import { enforceAccessMatrix } from '../../../src/http/middleware/access.js';
import { ROLES, type Role } from '../../../src/schemas/codes.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, OTHER_LA, storedCounts, type TestApp } from '../../support/test-app.js';

/** A request for each route, given a record id; a route without a line here gets its path with the id and an empty body. */
const SAMPLES: Record<string, (id: string) => { path: string; body?: unknown }> = {
  'POST /api/v1/contacts': () => ({ path: '/api/v1/contacts', body: quietContact() }),
  'GET /api/v1/oversight/summary': () => ({ path: '/api/v1/oversight/summary?from=2026-11-01&to=2026-11-30' }),
};

function sample(key: string, id: string) {
  const [method, template] = key.split(' ') as [string, string];
  const given = SAMPLES[key]?.(id);
  return { method, path: given?.path ?? template.replace(/\{[^}]+\}/g, id), body: given?.body ?? (method === 'GET' ? undefined : {}) };
}

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];
const CELLS = Object.entries(ACCESS_MATRIX).flatMap(([key, access]) =>
  CALLERS.flatMap((caller) => (key.includes('{') ? (['own', 'other'] as const) : (['own'] as const)).map((record) => ({ key, access, caller, record }))));

/** Every cell of the matrix, route × caller × whose record: anything not allowed there must be refused. */
describe('access matrix', () => {
  let t: TestApp;
  const ids = { own: '', other: '' };
  beforeAll(async () => {
    t = await createTestApp();
    ids.own = (await (await t.request('POST', '/api/v1/contacts', { body: quietContact() })).json()).id;
    ids.other = (await (await t.request('POST', '/api/v1/contacts', { body: quietContact(), la: OTHER_LA })).json()).id;
  });
  afterAll(async () => { await t.close(); });

  it('closes a route under /api/v1 that has no line in the matrix', async () => {
    const probe = new Hono<AppEnv>();
    probe.use('*', async (c, next) => { c.set('actor', { sub: 'admin-1', role: 'admin', la: 'E06000056' }); await next(); });
    probe.use('/api/v1/*', enforceAccessMatrix());
    probe.get('/api/v1/unlisted/:id', (c) => c.text('served'));
    probe.onError((error, c) => c.text(error.message, (error as { status?: number }).status as never));
    const res = await probe.request('/api/v1/unlisted/1');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('GET /api/v1/unlisted/{id} is not yet open');
  });

  it('names every API and operational route the app serves, and only those', () => {
    // The browser pages sit outside /api/v1 behind a session and call the same verbs, which check roles again.
    const operational = new Set(['/healthz', '/readyz', '/openapi.json', '/docs']);
    const served = new Set(t.app.routes.filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/v1/') || operational.has(r.path)))
      .map((r) => routeKey(r.method, r.path)));
    expect([...served].sort()).toEqual(Object.keys(ACCESS_MATRIX).sort());
  });

  it.each(CELLS)('$key by $caller on the $record authority’s record', async ({ key, access, caller, record }) => {
    const { method, path, body } = sample(key, ids[record]);
    const before = await storedCounts(t.deps);
    const res = await t.request(method, path, { ...(caller === 'anonymous' ? { token: null } : { role: caller }), ...(body !== undefined ? { body } : {}) });
    const allowed = access === PUBLIC || (caller !== 'anonymous' && access.includes(caller));

    if (!allowed) {
      expect(res.status).toBe(caller === 'anonymous' ? 401 : 403);
    } else if (record === 'other') {
      // Another authority's record is not found, exactly as if it did not exist.
      // A write with a generic empty body may be refused as invalid first; that reveals nothing either.
      if (SAMPLES[key] || method === 'GET') expect(res.status).toBe(404);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeGreaterThanOrEqual(400);
      const missing = await t.request(method, path.replace(ids.other, 'con_00000000000000000000000000'), { role: caller as Role, ...(body !== undefined ? { body } : {}) });
      expect(missing.status).toBe(res.status);
    } else if (SAMPLES[key] || method === 'GET') {
      expect(res.status).toBeLessThan(300);
    } else {
      // Let through: whatever the record's state says of a generic body, it is not a refusal of who is asking.
      expect([401, 403]).not.toContain(res.status);
    }
    if (res.status >= 300) expect(await storedCounts(t.deps)).toEqual(before);
  });
});
