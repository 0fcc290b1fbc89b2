import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatIfReplay } from '../../../src/domain/rules/what-if-replay.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { child, quietContact } from '../../fixtures/contacts.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/**
 * A generated history with a known answer: contacts whose only critical
 * prompt comes from minimising-language lose it when that rule is weakened
 * or dropped; contacts where a disclosure also raises it do not.
 */
describe('what-if replay of a candidate rule pack (npm run rules:replay)', () => {
  let t: TestApp;
  const dirs: string[] = [];
  const onlyMinimising: string[] = [];
  let outsideWindow = '';
  let inWindow = 0;

  // A three-year-old in a family with a previous child protection plan: minimising an alleged assault is what makes it critical.
  const toddler = (overrides = {}) => child({ dateOfBirth: '2023-05-01', history: { cpPlanPrevious: true }, ...overrides });
  const minimised = (receivedAt = '2026-11-24T10:00:00Z') =>
    quietContact({ receivedAt, children: [toddler()], physicalPunishmentReported: true, narrative: 'Mother says it was only a smack and none of your business.' });

  async function record(body: unknown, la?: string): Promise<string> {
    const res = await t.request('POST', '/api/v1/contacts', { body, ...(la ? { la } : {}) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  function candidate(edit: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'candidate-'));
    dirs.push(dir);
    cpSync('rules', dir, { recursive: true });
    edit(dir);
    return loadRuleSet(dir);
  }
  const weakened = () => candidate((dir) => {
    const file = join(dir, 'minimising-language.json');
    const rule = JSON.parse(readFileSync(file, 'utf8'));
    rule.prompts = [{ action: 'strategy_discussion', indicator: 'warning' }];
    writeFileSync(file, JSON.stringify(rule));
  });

  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 4; i++) onlyMinimising.push(await record(minimised()));
    onlyMinimising.push(await record(minimised(), OTHER_LA));
    for (let i = 0; i < 3; i++) await record(quietContact({ ...minimised(), children: [toddler({ disclosure: true, disclosureKind: 'sexual' })] }));
    for (let i = 0; i < 3; i++) await record(quietContact());
    inWindow = 4 + 1 + 3 + 3;
    outsideWindow = await record(minimised('2026-01-15T10:00:00Z'));
  });
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('the history is what the hand count assumes', async () => {
    for (const id of [...onlyMinimising, outsideWindow]) {
      const triage = await t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', id).executeTakeFirstOrThrow();
      const critical = (triage.prompts as { action: string; indicator: string; raisedBy: string[] }[]).filter((p) => p.indicator === 'critical');
      expect(critical).toEqual([expect.objectContaining({ action: 'strategy_discussion', raisedBy: ['minimising-language'] })]);
    }
  });

  it('lists exactly the contacts that would lose a critical prompt when the rule is weakened', async () => {
    const report = await whatIfReplay(t.deps.db, weakened(), { from: new Date('2026-06-01T00:00:00Z') });
    expect(report.contacts).toBe(inWindow);
    expect(report.criticalLost.map((c) => c.contactId).sort()).toEqual([...onlyMinimising].sort());
    expect(report.criticalLost.every((c) => c.actions.join() === 'strategy_discussion')).toBe(true);
    expect(report.criticalLost.find((c) => c.contactId === onlyMinimising[4])!.la).toBe(OTHER_LA);
    expect(report.priorityMatrix).toEqual({ red: { amber: 5, red: 3 }, green: { green: 3 } });
    expect(report.promptsLost).toEqual({ 'strategy_discussion (critical)': 5 });
    expect(report.promptsGained).toEqual({ 'strategy_discussion (warning)': 5 });
  });

  it('counts the whole history without a window, and pages without losing a contact', async () => {
    const report = await whatIfReplay(t.deps.db, weakened(), {}, 2);
    expect(report.contacts).toBe(inWindow + 1);
    expect(report.criticalLost.map((c) => c.contactId).sort()).toEqual([...onlyMinimising, outsideWindow].sort());
  });

  it('shows a dropped rule as prompts lost and nothing gained', async () => {
    const dropped = candidate((dir) => unlinkSync(join(dir, 'minimising-language.json')));
    const report = await whatIfReplay(t.deps.db, dropped, { to: new Date('2026-06-01T00:00:00Z') });
    expect(report.contacts).toBe(1);
    expect(report.criticalLost).toEqual([{ contactId: outsideWindow, la: 'E06000056', actions: ['strategy_discussion'] }]);
    // The household checks went with it: the response table says a strategy discussion implies them.
    expect(report.promptsLost).toEqual({ 'strategy_discussion (critical)': 1, 'household_checks (warning)': 1 });
    expect(report.promptsGained).toEqual({});
  });

  it('changes nothing when the candidate is the live pack', async () => {
    const report = await whatIfReplay(t.deps.db, loadRuleSet('rules'));
    expect(report.criticalLost).toEqual([]);
    expect(report.promptsLost).toEqual({});
    expect(report.promptsGained).toEqual({});
    expect(report.priorityMatrix).toEqual({ red: { red: 9 }, green: { green: 3 } });
  });
});
