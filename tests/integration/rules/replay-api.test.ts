import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScenarios } from '../../fixtures/contacts.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** The live pack's files as an administrator would send them, with each change applied to its rule. */
function candidate(...changes: { file: string; edit: (rule: Record<string, any>) => void }[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync('rules').filter((f) => f.endsWith('.json'))) files[name] = readFileSync(join('rules', name), 'utf8');
  for (const change of changes) {
    const rule = JSON.parse(files[change.file]!);
    change.edit(rule);
    files[change.file] = JSON.stringify(rule);
  }
  return files;
}

const toWarning = (r: Record<string, any>) => { r.prompts = [{ action: 'strategy_discussion', indicator: 'warning' }]; };

describe('POST /api/v1/rules/replays', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    const scenarios = seedScenarios();
    for (const id of ['seed-march-2023-hit-by-mother', 'seed-november-2022-black-eye']) {
      ids[id] = (await (await t.request('POST', '/api/v1/contacts', { body: scenarios.find((s) => s.id === id)!.request })).json()).id;
    }
    ids.other = (await (await t.request('POST', '/api/v1/contacts', { body: scenarios[0]!.request, la: OTHER_LA })).json()).id;
  });
  afterAll(async () => { await t.close(); });

  it('names exactly this authority’s contacts that would lose a critical prompt, and records the run', async () => {
    // March 2023 has its strategy discussion from two rules: the minimised assault, and physical abuse alleged with a baby at home.
    const weakened = candidate({ file: 'minimising-language.json', edit: toWarning }, { file: 'physical-abuse-alleged-baby.json', edit: toWarning });
    const res = await t.request('POST', '/api/v1/rules/replays', { role: 'admin', body: { files: weakened } });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.contacts).toBe(2);
    // The black eye keeps its strategy discussion through the injury rule; March 2023 had it only from the two weakened rules.
    expect(report.criticalLost).toEqual([{ contactId: ids['seed-march-2023-hit-by-mother'], la: 'E06000056', actions: ['strategy_discussion'] }]);
    expect(report.criticalLostCount).toBe(1);
    expect(report.priorityMatrix.red).toEqual({ amber: 1, red: 1 });
    expect(report.promptsLost['strategy_discussion (critical)']).toBe(1);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'rules.replayed').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ candidateHash: report.candidate.hash, activeHash: t.deps.ruleSet.hash, contacts: 2, criticalLost: 1 });
  });

  it('the live pack replays with nothing lost', async () => {
    const report = await (await t.request('POST', '/api/v1/rules/replays', { role: 'admin', body: { files: candidate() } })).json();
    expect(report.candidate.hash).toBe(t.deps.ruleSet.hash);
    expect(report.criticalLost).toEqual([]);
    expect(report.promptsGained).toEqual({});
    expect(report.promptsLost).toEqual({});
  });

  it('a bad candidate is 422 naming the file; other roles are 403', async () => {
    const broken = candidate({ file: 'under-one.json', edit: (r) => { r.conditions.all[0].fact = 'noSuchFact'; } });
    const res = await t.request('POST', '/api/v1/rules/replays', { role: 'admin', body: { files: broken } });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/files/under-one.json', message: expect.stringContaining('not a fact') });
    for (const role of ['screener', 'manager', 'auditor'] as const) {
      expect((await t.request('POST', '/api/v1/rules/replays', { role, body: { files: candidate() } })).status).toBe(403);
    }
  });
});
