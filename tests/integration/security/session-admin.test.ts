import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrateAll } from '../../../src/domain/audit/integrate-log.js';
import { webSession } from '../../support/second-opinions.js';
import { createTestApp, HOME_LA, OTHER_LA, type TestApp } from '../../support/test-app.js';

describe('an administrator ends the sessions of a user of their authority', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const page = (cookie: string, path = '/contacts') => t.app.request(path, { headers: { cookie } });
  const signedOut = async (cookie: string) => (await page(cookie)).headers.get('location')?.startsWith('/sign-in') ?? false;
  const ended = () => t.deps.db.selectFrom('audit_log').select(['la', 'actor_sub', 'actor_role', 'detail']).where('action', '=', 'session.ended').execute();

  it('through the API: lists them, ends one (its cookie refused next time, the other kept), then all; each recorded', async () => {
    const phone = await webSession(t, 'screener', 'lost.laptop');
    const desk = await webSession(t, 'screener', 'lost.laptop');
    const listed = await (await t.request('GET', '/api/v1/users/lost.laptop/sessions', { role: 'admin', sub: 'it-admin' })).json();
    expect(listed.sessions).toHaveLength(2);
    expect(listed.sessions[0]).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), sub: 'lost.laptop', role: 'screener', startedAt: expect.any(String), lastSeenAt: expect.any(String) });

    const one = await t.request('DELETE', `/api/v1/users/lost.laptop/sessions/${listed.sessions[0].id}`, { role: 'admin', sub: 'it-admin' });
    expect(await one.json()).toEqual({ ended: 1 });
    expect(await signedOut(phone.cookie)).toBe(true);
    expect((await page(desk.cookie)).status).toBe(200);

    const all = await t.request('DELETE', '/api/v1/users/lost.laptop/sessions', { role: 'admin', sub: 'it-admin' });
    expect(await all.json()).toEqual({ ended: 1 });
    expect(await signedOut(desk.cookie)).toBe(true);
    expect(await ended()).toMatchObject([
      { la: HOME_LA, actor_sub: 'it-admin', actor_role: 'admin' }, { la: HOME_LA, actor_sub: 'it-admin', actor_role: 'admin' },
    ]);
    expect((await t.request('DELETE', `/api/v1/users/lost.laptop/sessions/${listed.sessions[0].id}`, { role: 'admin' })).status).toBe(404);
  });

  it('no one else may, and an administrator of another authority sees and ends nothing here', async () => {
    const kept = await webSession(t, 'screener', 'kept.user');
    for (const role of ['manager', 'screener', 'auditor'] as const) {
      expect((await t.request('GET', '/api/v1/users/kept.user/sessions', { role })).status).toBe(403);
      expect((await t.request('DELETE', '/api/v1/users/kept.user/sessions', { role })).status).toBe(403);
    }
    // Another authority's user is not found, as a user who never signed in is.
    expect((await t.request('GET', '/api/v1/users/kept.user/sessions', { role: 'admin', la: OTHER_LA })).status).toBe(404);
    expect((await t.request('DELETE', '/api/v1/users/kept.user/sessions', { role: 'admin', la: OTHER_LA })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/users/never.signed.in/sessions', { role: 'admin' })).status).toBe(404);
    expect((await page(kept.cookie)).status).toBe(200);
    const screener = await webSession(t, 'screener', 'curious.screener');
    expect((await page(screener.cookie, '/sessions?sub=kept.user')).status).toBe(403);
  });

  it('through the page: the administrator finds the sessions and ends them all; the user is signed out', async () => {
    const user = await webSession(t, 'manager', 'leaver');
    const admin = await webSession(t, 'admin', 'page-admin');
    const html = await (await page(admin.cookie, '/sessions?sub=leaver')).text();
    expect(html).toContain('Sessions of leaver');
    expect(html).toContain('End all sessions of leaver');
    const res = await t.app.request('/sessions/end', {
      method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: admin.csrf, sub: 'leaver' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sessions?sub=leaver&ended=1');
    expect(await signedOut(user.cookie)).toBe(true);
    expect((await ended()).at(-1)).toMatchObject({ actor_sub: 'page-admin', actor_role: 'admin' });
  });

  it('signing in and out through the demo form is recorded too, with no personal data beyond the user id', async () => {
    const s = await webSession(t, 'auditor', 'audited.auditor');
    await t.app.request('/sign-out', { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf: s.csrf }).toString() });
    const rows = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_role', 'contact_id', 'detail']).where('actor_sub', '=', 'audited.auditor').orderBy('seq').execute();
    expect(rows.map((r) => [r.action, r.actor_role, r.contact_id])).toEqual([['session.signed-in', 'auditor', null], ['session.signed-out', 'auditor', null]]);
    const detail = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d);
    expect(detail(rows[0]?.detail)).toEqual({ method: 'demo', requestId: expect.any(String) });
  });

  it('the authority’s audit log, with all these entries placed in its tree, still verifies', async () => {
    await integrateAll(t.deps);
    const report = await (await t.request('GET', '/api/v1/audit/verify', { role: 'auditor' })).json();
    expect(report.ok).toBe(true);
  });
});
