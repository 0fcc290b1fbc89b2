import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScenarios } from '../../fixtures/contacts.js';
import { createTestApp, freshDatabase, storedCounts, type TestApp } from '../../support/test-app.js';

/** Counts the statements the app sends through Kysely (BEGIN and COMMIT go through the driver and are not counted). */
class StatementCounter implements KyselyPlugin {
  statements = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode { return args.node; }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.statements += 1;
    return args.result;
  }
}

/**
 * Issue 19: a triage request went to the database 8 or 9 times (a rate-limit
 * write, the history lookup, BEGIN, five or six inserts, COMMIT). It now
 * sends the history lookup and, between BEGIN and COMMIT, one statement that
 * writes the contact, its people, triage, checks and audit entries together,
 * plus a rate-limit write only when this instance's lease of points runs out.
 */
describe('POST /api/v1/contacts: statements sent', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  beforeAll(async () => {
    const database = await freshDatabase();
    t = await createTestApp({ database: { ...database, db: database.db.withPlugin(counter) } });
  });
  afterAll(async () => { await t.database.close(); });

  it('records a contact with checks and its audit entries in one statement after the history lookup', async () => {
    const march = seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother');
    expect(march).toBeDefined();
    const body = march?.request;
    expect((await t.request('POST', '/api/v1/contacts', { body })).status).toBe(201); // takes the first lease of rate-limit points
    const before = await storedCounts(t.deps);
    counter.statements = 0;
    const res = await t.request('POST', '/api/v1/contacts', { body });
    expect(res.status).toBe(201);
    expect(counter.statements).toBe(2);
    const after = await storedCounts(t.deps);
    expect(after.contacts - before.contacts).toBe(1);
    // contact.recorded, contact.triaged and at least one check.requested, all written by that one statement.
    expect(after.audit - before.audit).toBeGreaterThan(2);
  });
});
