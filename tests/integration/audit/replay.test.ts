import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

interface Replay {
  contactId: string;
  identical: boolean;
  ruleSet: { version: string; hash: string };
  differences: { sequence: number; field: string; stored: unknown; replayed: unknown }[];
}

describe('GET /api/v1/contacts/{id}/replay', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  async function record(body: unknown): Promise<string> {
    const res = await t.request('POST', '/api/v1/contacts', { body });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  async function replay(id: string): Promise<Replay> {
    const res = await t.request('GET', `/api/v1/contacts/${id}/replay`, { role: 'auditor', sub: 'auditor-7' });
    expect(res.status).toBe(200);
    return res.json() as Promise<Replay>;
  }

  describe('happy', () => {
    it.each(seedScenarios().map((s) => [s.id, s] as const))('reproduces %s exactly with its stored rule set', async (_, scenario) => {
      const id = await record(scenario.request);
      const report = await replay(id);
      expect(report).toMatchObject({ contactId: id, identical: true, differences: [], ruleSet: { hash: t.deps.ruleSet.hash, version: t.deps.ruleSet.version } });
    });

    it('records the replay in the trail with its finding', async () => {
      const id = await record(quietContact());
      await replay(id);
      const row = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ action: 'contact.replayed', actor_sub: 'auditor-7', actor_role: 'auditor' });
      expect(row.detail).toMatchObject({ identical: true, differingFields: [], triages: [expect.objectContaining({ sequence: 1, ruleSetHash: t.deps.ruleSet.hash, identical: true })] });
    });
  });

  describe('error', () => {
    it('shows a stored result that was altered after the fact', async () => {
      const march = seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!;
      const id = await record(march.request);
      const triage = await t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', id).executeTakeFirstOrThrow();
      const rules = triage.results as { id: string; fired: boolean }[];
      const index = rules.findIndex((r) => r.id === 'minimising-language');
      expect(rules[index]!.fired).toBe(true);
      await sql`update triages set results = jsonb_set(results, ${`{${index},fired}`}::text[], 'false'), score = score - 25 where id = ${triage.id}`.execute(t.deps.db);

      const report = await replay(id);
      expect(report.identical).toBe(false);
      expect(report.differences.map((d) => d.field).sort()).toEqual(['rules.minimising-language', 'score']);
      const rule = report.differences.find((d) => d.field === 'rules.minimising-language')!;
      expect(rule).toMatchObject({ sequence: 1, stored: { fired: false }, replayed: { fired: true } });
      const row = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(row.detail).toMatchObject({ identical: false, differingFields: ['1:score', '1:rules.minimising-language'] });
    });

    it('shows an altered priority and a lost prompt', async () => {
      const id = await record(quietContact({ immediateDanger: true }));
      await sql`update triages set priority = 'green', prompts = '[]'::jsonb where contact_id = ${id}`.execute(t.deps.db);
      const report = await replay(id);
      expect(report.differences).toContainEqual({ sequence: 1, field: 'priority', stored: 'green', replayed: 'red' });
      expect(report.differences).toContainEqual(expect.objectContaining({ field: 'prompts.see_child_urgently', stored: null, replayed: expect.objectContaining({ indicator: 'critical' }) }));
    });

    it('refuses to trust a stored rule set whose content no longer matches its hash', async () => {
      const id = await record(quietContact());
      const hash = t.deps.ruleSet.hash;
      const original = await t.deps.db.selectFrom('rule_sets').select('rules').where('hash', '=', hash).executeTakeFirstOrThrow();
      try {
        await sql`update rule_sets set rules = jsonb_set(rules, '{rules,0,weight}', '0') where hash = ${hash}`.execute(t.deps.db);
        const report = await replay(id);
        expect(report.identical).toBe(false);
        expect(report.differences).toEqual([{ sequence: 1, field: 'ruleSet', stored: hash, replayed: expect.stringContaining('has been altered') }]);
      } finally {
        await t.deps.db.updateTable('rule_sets').set({ rules: JSON.stringify(original.rules) }).where('hash', '=', hash).execute();
      }
    });

    it('answers 404 for an unknown contact', async () => {
      expect((await t.request('GET', '/api/v1/contacts/con_00000000000000000000000000/replay', { role: 'auditor' })).status).toBe(404);
    });
  });

  describe('security', () => {
    it('is for auditors only, and never across authorities', async () => {
      const id = await record(quietContact());
      for (const role of ['screener', 'manager', 'admin'] as const) {
        expect((await t.request('GET', `/api/v1/contacts/${id}/replay`, { role })).status).toBe(403);
      }
      expect((await t.request('GET', `/api/v1/contacts/${id}/replay`, { role: 'auditor', la: OTHER_LA })).status).toBe(404);
      const replays = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'contact.replayed').where('contact_id', '=', id).execute();
      expect(replays).toHaveLength(0);
    });
  });
});
