import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/db/repositories/audit.repo.js';
import { integrateAll, integrateBatch } from '../../../src/domain/audit/integrate-log.js';
import { verifyAuthorityChain } from '../../../src/domain/audit/verify-chain.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, HOME_LA, type TestApp } from '../../support/test-app.js';

const actor = { sub: 'screener-1', role: 'screener' };

/** The sequencer places committed entries once each, in the order they became visible, whoever runs it and however often. */
describe('audit sequencer', () => {
  let t: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    second = await createTestApp({ database: t.database });
  });
  afterAll(async () => { await second.close(); await t.close(); });

  it('places every entry exactly once while writers and two instances’ sequencers run at the same time', async () => {
    const writes = Array.from({ length: 12 }, () => t.request('POST', '/api/v1/contacts', { body: quietContact() }));
    const sweeps = [integrateAll(t.deps), integrateAll(second.deps), integrateAll(t.deps), integrateAll(second.deps)];
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(12).fill(201));
    await Promise.all(sweeps);
    await integrateAll(second.deps);
    const rows = await t.deps.db.selectFrom('audit_log').select('chain_index').where('la', '=', HOME_LA).orderBy('chain_index').execute();
    expect(rows.map((r) => r.chain_index)).toEqual(rows.map((_, i) => i));
    const checkpoints = await t.deps.db.selectFrom('audit_checkpoints').select('tree_size').where('la', '=', HOME_LA).orderBy('tree_size').execute();
    expect(checkpoints.at(-1)!.tree_size).toBe(rows.length);
    expect(await verifyAuthorityChain(t.deps, HOME_LA)).toMatchObject({ ok: true, entriesChecked: rows.length, pending: 0 });
  });

  it('leaves an authority to the instance that holds its lock', async () => {
    await t.request('POST', '/api/v1/contacts', { body: quietContact() });
    await t.deps.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${0x6d617368}, hashtext(${HOME_LA}))`.execute(tx);
      if (process.env.TEST_DATABASE_URL) expect(await integrateBatch(second.deps, HOME_LA)).toMatchObject({ busy: true, integrated: 0 });
    });
    expect(await integrateBatch(second.deps, HOME_LA)).toMatchObject({ busy: false, integrated: 2 });
  });

  it.runIf(process.env.TEST_DATABASE_URL)('places an entry by when its transaction committed, not when it was written', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => { written = resolve; });
    const slow = t.deps.db.transaction().execute(async (tx) => {
      await appendAudit(tx, [{ la: HOME_LA, contactId: null, action: 'test.slow', actor, at: t.clock.now(), detail: {} }]);
      written();
      await held;
    });
    await inserted;
    await t.deps.db.transaction().execute((tx) => appendAudit(tx, [{ la: HOME_LA, contactId: null, action: 'test.fast', actor, at: t.clock.now(), detail: {} }]));
    await integrateAll(t.deps);
    release();
    await slow;
    await integrateAll(t.deps);
    const rows = await t.deps.db.selectFrom('audit_log').select(['action', 'seq', 'chain_index']).where('action', 'like', 'test.%').execute();
    const fast = rows.find((r) => r.action === 'test.fast')!;
    const slowRow = rows.find((r) => r.action === 'test.slow')!;
    expect(slowRow.seq).toBeLessThan(fast.seq);
    expect(slowRow.chain_index!).toBeGreaterThan(fast.chain_index!);
    expect(await verifyAuthorityChain(t.deps, HOME_LA)).toMatchObject({ ok: true, pending: 0 });
  });
});
