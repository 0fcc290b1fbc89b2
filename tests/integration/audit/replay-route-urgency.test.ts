import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { recordContact, type Json } from '../../support/decisions.js';
import { createTestApp, legacyPack, responsePack, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;

/**
 * A pack with a response table goes live over a database of triages made
 * before it: each replays with its own rule set, the old ones with no
 * route or urgency on either side, the new ones with theirs.
 */
describe('replay across the response table', () => {
  let before: TestApp;
  let after: TestApp;
  let old: Json;
  let current: Json;
  beforeAll(async () => {
    before = await createTestApp({ ruleSet: legacyPack() });
    old = await recordContact(before, march());
    after = await createTestApp({ database: before.database, ruleSet: responsePack() });
    current = await recordContact(after, march());
  });
  afterAll(async () => {
    await after?.close();
    await before?.close();
  });

  const replay = async (id: string) => (await after.request('GET', `/api/v1/contacts/${id}/replay`, { role: 'auditor' })).json();

  it('an old triage, made by a pack without a response table, replays unchanged under the new live pack', async () => {
    expect(after.deps.ruleSet.hash).not.toBe(before.deps.ruleSet.hash);
    expect(old.triage).toMatchObject({ route: null, urgency: null, response: [], priority: 'red', score: 100 });
    const report = await replay(old.id);
    expect(report).toMatchObject({ identical: true, differences: [], ruleSet: { hash: before.deps.ruleSet.hash } });
    // Read through the new app, it is still the triage it was.
    const read = await (await after.request('GET', `/api/v1/contacts/${old.id}`, { role: 'auditor' })).json();
    expect(read.triage).toEqual(old.triage);
  });

  it('a triage with a route and urgency replays them and every step', async () => {
    expect(current.triage).toMatchObject({ route: 's47_strategy', urgency: 'same_day' });
    expect(await replay(current.id)).toMatchObject({ identical: true, differences: [], ruleSet: { hash: after.deps.ruleSet.hash } });
  });

  it('shows a route, urgency or step altered after the fact', async () => {
    const contact = await recordContact(after, quietContact({ immediateDanger: true }));
    await sql`update triages set urgency = 'same_day', response = response - 2 where contact_id = ${contact.id}`.execute(after.deps.db);
    const report = await replay(contact.id);
    expect(report.identical).toBe(false);
    expect(report.differences).toEqual([
      { sequence: 1, field: 'urgency', stored: 'same_day', replayed: 'within_hours' },
      { sequence: 1, field: 'response.danger-floor', stored: null, replayed: expect.objectContaining({ step: 'floor', to: 'immediate_protection, within_hours' }) },
    ]);
  });

  it('a legacy triage given a route after the fact no longer replays identically', async () => {
    const contact = await recordContact(before, quietContact());
    await sql`update triages set route = 'advice_signpost', urgency = 'none' where contact_id = ${contact.id}`.execute(after.deps.db);
    const report = await replay(contact.id);
    expect(report.differences.map((d: { field: string }) => d.field)).toEqual(['route', 'urgency']);
  });
});
