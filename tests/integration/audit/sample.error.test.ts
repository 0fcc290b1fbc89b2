import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GET /api/v1/audit/samples: refusals', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });
  const drawn = async () => (await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'audit.sample_drawn').execute()).length;

  it('bad parameters are a 400 problem naming each field, and nothing is recorded', async () => {
    const res = await t.request('GET', '/api/v1/audit/samples?size=0&outcome=nfa,bogus&referrerGroup=police&overridden=maybe&closedFrom=2026-11-30&closedTo=2026-11-01&maxAgeMonths=-1&stratify=team&perStratum=101', { role: 'auditor' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await res.json();
    const paths = problem.errors.map((e: { path: string }) => e.path);
    for (const field of ['size', 'outcome', 'referrerGroup', 'overridden', 'maxAgeMonths', 'stratify', 'perStratum']) {
      expect(paths.some((p: string) => p.startsWith(`/${field}`))).toBe(true);
    }
    expect(await drawn()).toBe(0);
  });

  it('closedTo before closedFrom, a size over 500 and a date that is not a date are refused', async () => {
    for (const query of ['closedFrom=2026-11-30&closedTo=2026-11-01', 'size=501', 'closedFrom=2026-02-30']) {
      const res = await t.request('GET', `/api/v1/audit/samples?${query}`, { role: 'auditor' });
      expect(res.status, query).toBe(400);
    }
  });

  it('only an auditor may draw a sample; without a token it is 401', async () => {
    for (const role of ['screener', 'manager', 'admin'] as const) {
      expect((await t.request('GET', '/api/v1/audit/samples', { role })).status).toBe(403);
    }
    expect((await t.request('GET', '/api/v1/audit/samples', { token: null })).status).toBe(401);
    expect(await drawn()).toBe(0);
  });

  it('an empty authority gives an empty sample, still recorded', async () => {
    const res = await t.request('GET', '/api/v1/audit/samples?seed=x', { role: 'auditor' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ seed: 'x', count: 0, contacts: [] });
    expect(await drawn()).toBe(1);
  });

  it('is documented in the OpenAPI document with its CSV columns', async () => {
    const doc = await (await t.request('GET', '/openapi.json', { token: null })).json();
    const op = doc.paths['/api/v1/audit/samples'].get;
    expect(op.description).toContain('`final_outcome`');
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['closedFrom', 'outcome', 'seed', 'stratify', 'perStratum', 'format']));
  });
});
