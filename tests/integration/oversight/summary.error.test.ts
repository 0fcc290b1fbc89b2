import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GET /api/v1/oversight/summary: refusals and the empty case', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });
  const get = (query: string, role: 'manager' | 'auditor' | 'screener' | 'admin' = 'manager') => t.request('GET', `/api/v1/oversight/summary?${query}`, { role });

  it('a missing, malformed or reversed period is a 400 naming the field', async () => {
    for (const [query, field] of [['to=2026-11-27', '/from'], ['from=2026-11-23', '/to'], ['from=23/11/2026&to=2026-11-27', '/from'], ['from=2026-11-27&to=2026-11-23', '/to'], ['from=2020-01-01&to=2026-01-01', '/to']] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const problem = await res.json();
      expect(problem.errors.map((e: { path: string }) => e.path), query).toContain(field);
    }
  });

  it('only managers and auditors may read it; without a token it is 401', async () => {
    expect((await get('from=2026-11-23&to=2026-11-27', 'screener')).status).toBe(403);
    expect((await get('from=2026-11-23&to=2026-11-27', 'admin')).status).toBe(403);
    expect((await t.request('GET', '/api/v1/oversight/summary?from=2026-11-23&to=2026-11-27', { token: null })).status).toBe(401);
  });

  it('an empty period gives zeros and null shares, every cell marked small', async () => {
    const summary = await (await get('from=2026-12-21&to=2027-01-03', 'auditor')).json();
    // 21 Dec 2026 – 3 Jan 2027: ten weekdays less the bank holidays of 25 and 28 December and 1 January.
    expect(summary.workingDays).toBe(7);
    expect(summary.contacts.decidedLate).toEqual({ count: 0, total: 0, share: null, smallNumber: true });
    expect(summary.recontactWithin12MonthsOfNfa.share).toBeNull();
    expect(summary.screeners).toEqual([]);
  });
});
