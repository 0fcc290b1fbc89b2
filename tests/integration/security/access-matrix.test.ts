import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrateAll } from '../../../src/domain/audit/integrate-log.js';
import { ACCESS_MATRIX, PUBLIC, routeKey } from '../../../src/http/access-matrix.js';
import type { AppEnv } from '../../../src/http/env.js';
import { enforceAccessMatrix } from '../../../src/http/middleware/access.js';
import { ROLES, type Role } from '../../../src/schemas/codes.js';
import { child, quietContact } from '../../fixtures/contacts.js';
import { decidedContact, draw, DRAW_EVERY_NO_ACTION, importCases, SECOND_SCREEN, setSettings, SIX_CASES, team, webSession } from '../../support/second-opinions.js';
import { createTestApp, HOME_LA, OTHER_LA, storedCounts, type TestApp } from '../../support/test-app.js';

/** An authority's records of each kind the routes name. */
interface Records {
  contact: string; team: string; screen: string; settle: string; exercise: string; closing: string; closed: string; practice: string[]; sub: string; person: string;
}
/** Ids of the right shapes that name nothing: a missing record must be answered as another authority's is. */
const MISSING: Records = {
  contact: 'con_00000000000000000000000000', team: 'tem_00000000000000000000000000', screen: 'ssc_00000000000000000000000000',
  settle: 'ssc_00000000000000000000000000', exercise: 'cex_00000000000000000000000000', closing: 'cex_00000000000000000000000000',
  closed: 'cex_00000000000000000000000000', practice: [], sub: 'nobody-here', person: 'P-nobody-here',
};

let made = 0;
/** An audit entry of the home authority in a signed checkpoint (set once the records are made and integrated). */
let ownEntry = 'aud_missing';
/** A request for each route, given an authority's records; a route without a line here gets its path with the record's id and an empty body. */
const SAMPLES: Record<string, (r: Records) => { path: string; body?: unknown }> = {
  'POST /api/v1/contacts': () => ({ path: '/api/v1/contacts', body: quietContact() }),
  'GET /api/v1/oversight/summary': () => ({ path: '/api/v1/oversight/summary?from=2026-11-01&to=2026-11-30' }),
  'GET /api/v1/screening-outcomes': () => ({ path: '/api/v1/screening-outcomes?from=2026-11-01&to=2026-11-30' }),
  'POST /api/v1/teams': () => ({ path: '/api/v1/teams', body: { name: `Matrix team ${++made}`, screeners: [] } }),
  'PUT /api/v1/teams/{id}': (r) => ({ path: `/api/v1/teams/${r.team}`, body: { name: 'Matrix team', screeners: [r.sub], managers: ['manager-1'] } }),
  'POST /api/v1/second-screens/draws': () => ({ path: '/api/v1/second-screens/draws' }),
  'POST /api/v1/second-screens/{id}/screen': (r) => ({ path: `/api/v1/second-screens/${r.screen}/screen`, body: SECOND_SCREEN }),
  'POST /api/v1/second-screens/{id}/settlement': (r) => ({
    path: `/api/v1/second-screens/${r.settle}/settlement`, body: { standing: 'first', rationale: 'The first screen weighed the school’s account fully.' },
  }),
  'POST /api/v1/practice-contacts': () => ({ path: '/api/v1/practice-contacts', body: { ...PRACTICE, reference: `matrix-case-${++made}` } }),
  'POST /api/v1/calibration/exercises': (r) => ({ path: '/api/v1/calibration/exercises', body: { teamId: r.team, title: 'Matrix', practiceContactIds: r.practice } }),
  'POST /api/v1/calibration/exercises/{id}/answers': (r) => ({
    path: `/api/v1/calibration/exercises/${r.exercise}/answers`, body: { practiceContactId: r.practice[0] ?? 'prc_00000000000000000000000000', outcome: 'nfa', route: 'advice_signpost', urgency: 'none' },
  }),
  'POST /api/v1/calibration/exercises/{id}/close': (r) => ({ path: `/api/v1/calibration/exercises/${r.closing}/close` }),
  'GET /api/v1/calibration/exercises/{id}/results': (r) => ({ path: `/api/v1/calibration/exercises/${r.closed}/results` }),
  'GET /api/v1/screeners/{sub}/reflection': (r) => ({ path: `/api/v1/screeners/${r.sub}/reflection` }),
  'GET /api/v1/audit/proofs/inclusion': () => ({ path: `/api/v1/audit/proofs/inclusion?entry=${ownEntry}` }),
  'GET /api/v1/audit/proofs/consistency': () => ({ path: '/api/v1/audit/proofs/consistency?from=1' }),
  'GET /api/v1/subject-access/{personId}': (r) => ({ path: `/api/v1/subject-access/${r.person}` }),
};

const PRACTICE = {
  source: 'local', title: 'A practice contact written for the access matrix', narrative: 'A school reports a graze seen by staff in the playground; nothing else is known.',
  contact: quietContact(), expected: { route: 'advice_signpost', urgency: 'none' },
};

/** The record a templated path names: a second screen, an exercise, a team, or else a contact. */
function recordFor(template: string, r: Records): string {
  if (template.includes('/second-screens/{id}')) return r.screen;
  if (template.includes('/calibration/exercises/{id}')) return r.exercise;
  if (template.includes('/teams/{id}')) return r.team;
  if (template.includes('{sub}')) return r.sub;
  return r.contact;
}

function sample(key: string, r: Records) {
  const [method, template] = key.split(' ') as [string, string];
  const given = SAMPLES[key]?.(r);
  return { method, path: given?.path ?? template.replace(/\{[^}]+\}/g, recordFor(template, r)), body: given?.body ?? (method === 'GET' ? undefined : {}) };
}

/** Everything the routes act on, in one authority: a contact, a team with its exercises, second screens waiting and to settle. */
async function recordsOf(t: TestApp, la: string, sub: string): Promise<Records> {
  // A person named only in this authority's contact, for subject access.
  const person = `P-only-${la}`;
  const contact = (await (await t.request('POST', '/api/v1/contacts', { body: quietContact({ children: [child({ personId: person })] }), la })).json()).id;
  const teamId = await team(t, [sub], { la, name: 'Matrix team' });
  await decidedContact(t, { la, recorder: 'recorder-m', decider: 'decider-m' });
  await decidedContact(t, { la, recorder: 'recorder-m', decider: 'decider-m' });
  const [screen, settle] = (await draw(t, 'manager-1', la)).selected.map((s: { secondScreenId: string }) => s.secondScreenId);
  const disagreed = await t.request('POST', `/api/v1/second-screens/${settle}/screen`, { sub: 'screener-m', la, body: SECOND_SCREEN });
  if (disagreed.status !== 201) throw new Error(`second screen failed: ${disagreed.status}`);
  const practice = await importCases(t, SIX_CASES.slice(0, 2), { la });
  const exercise = async () => (await (await t.request('POST', '/api/v1/calibration/exercises', {
    role: 'manager', la, body: { teamId, title: 'Matrix', practiceContactIds: practice },
  })).json()).id as string;
  const [open, closing, closed] = [await exercise(), await exercise(), await exercise()];
  await t.request('POST', `/api/v1/calibration/exercises/${closed}/close`, { role: 'manager', la });
  return { contact, team: teamId, screen, settle, exercise: open, closing, closed, practice, sub, person };
}

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];
const CELLS = Object.entries(ACCESS_MATRIX).flatMap(([key, access]) =>
  CALLERS.flatMap((caller) => (key.includes('{') ? (['own', 'other'] as const) : (['own'] as const)).map((record) => ({ key, access, caller, record }))));

/** Every cell of the matrix, route × caller × whose record: anything not allowed there must be refused. */
describe('access matrix', () => {
  let t: TestApp;
  const ids = { own: MISSING, other: MISSING };
  beforeAll(async () => {
    t = await createTestApp();
    setSettings(t, DRAW_EVERY_NO_ACTION);
    // The screener of the caller's own authority is in its team; the other authority's is someone else.
    ids.own = await recordsOf(t, HOME_LA, 'screener-1');
    ids.other = await recordsOf(t, OTHER_LA, 'screener-9');
    // Each has a browser session, so an administrator finds their own authority's and not the other's.
    await webSession(t, 'screener', ids.own.sub, HOME_LA);
    await webSession(t, 'screener', ids.other.sub, OTHER_LA);
    await integrateAll(t.deps);
    ownEntry = (await t.deps.db.selectFrom('audit_log').select('id').where('la', '=', HOME_LA).where('chain_index', '=', 0).executeTakeFirstOrThrow()).id;
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
      const absent = sample(key, MISSING);
      const missing = await t.request(method, absent.path, { role: caller as Role, ...(absent.body !== undefined ? { body: absent.body } : {}) });
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
