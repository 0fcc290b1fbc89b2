import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '../../support/decisions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('teams', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a manager forms a team and manages it; its screeners and managers see it, with every change in the audit log', async () => {
    const res = await t.request('POST', '/api/v1/teams', { role: 'manager', sub: 'mia', body: { name: 'Front door A', screeners: ['sam', 'sue'], managers: ['max'] } });
    expect(res.status).toBe(201);
    const team = await body(res);
    expect(team).toMatchObject({ name: 'Front door A', screeners: ['sam', 'sue'], managers: ['max', 'mia'], version: 1 });
    expect(res.headers.get('etag')).toBe(`"${team.id}-1"`);
    expect((await body(await t.request('GET', '/api/v1/teams', { sub: 'sam' }))).teams.map((x: { id: string }) => x.id)).toEqual([team.id]);
    expect((await body(await t.request('GET', '/api/v1/teams', { role: 'manager', sub: 'max' }))).teams).toHaveLength(1);
    expect((await body(await t.request('GET', '/api/v1/teams', { sub: 'zed' }))).teams).toEqual([]);

    const changed = await t.request('PUT', `/api/v1/teams/${team.id}`, {
      role: 'manager', sub: 'max', headers: { 'if-match': `"${team.id}-1"` }, body: { name: 'Front door A', screeners: ['sam'], managers: ['max'] },
    });
    expect(await body(changed)).toMatchObject({ screeners: ['sam'], managers: ['max'], version: 2 });
    const stale = await t.request('PUT', `/api/v1/teams/${team.id}`, {
      role: 'manager', sub: 'max', headers: { 'if-match': `"${team.id}-1"` }, body: { name: 'Front door A', screeners: [], managers: ['max'] },
    });
    expect(stale.status).toBe(412);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_sub']).where('action', 'like', 'team.%').orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'team.created', actor_sub: 'mia' }, { action: 'team.changed', actor_sub: 'max' }]);
  });

  it('a screener is in one team at most; a name once; a manager not of the team cannot change it', async () => {
    const first = await body(await t.request('POST', '/api/v1/teams', { role: 'manager', sub: 'mo', body: { name: 'Front door B', screeners: ['ted'] } }));
    const clash = await t.request('POST', '/api/v1/teams', { role: 'manager', sub: 'mo', body: { name: 'Front door C', screeners: ['ted'] } });
    expect(clash.status).toBe(409);
    expect((await body(clash)).screeners).toEqual(['ted']);
    expect((await t.request('POST', '/api/v1/teams', { role: 'manager', body: { name: 'Front door B', screeners: [] } })).status).toBe(409);
    expect((await t.request('PUT', `/api/v1/teams/${first.id}`, { role: 'manager', sub: 'not-mo', body: { name: 'Mine now', screeners: [], managers: ['not-mo'] } })).status).toBe(403);
    const bad = await t.request('POST', '/api/v1/teams', { role: 'manager', body: { name: 'X', screeners: ['a', 'a'], managers: ['a'] } });
    expect((await body(bad)).errors.map((e: { path: string }) => e.path)).toEqual(['/name', '/screeners/1', '/screeners/0', '/screeners/1']);
  });
});
