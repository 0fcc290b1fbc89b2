import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_HASH_ALGORITHM, logEntryLeafHash, type LogEntry } from '../../../src/audit/entry.js';
import type { Database } from '../../../src/db/client.js';
import { integrateAll } from '../../../src/domain/audit/integrate-log.js';
import { verifyAllChains, verifyAuthorityChain, type LogReport } from '../../../src/domain/audit/verify-chain.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Each case tampers with its own authority's log directly in the database,
 * with the append-only triggers switched off as a table owner could, and the
 * verifier must name the first broken place: through the entries' own hashes,
 * the stored tree's leaves, and the signed checkpoints' roots.
 */
describe('audit log verification: tampering is detected', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  let nextLa = 100;
  /** A fresh authority with three recorded contacts, integrated and signed: six leaves, 0–5. */
  async function logOfSix(): Promise<string> {
    const la = `E06000${nextLa++}`;
    for (let i = 0; i < 3; i++) expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la })).status).toBe(201);
    await integrateAll(t.deps);
    return la;
  }

  const entries = (la: string) => t.deps.db.selectFrom('audit_log').selectAll().where('la', '=', la).orderBy('chain_index').orderBy('seq').execute();

  async function bypassingTriggers(statements: (db: Database) => RawBuilder<unknown>[]): Promise<void> {
    await t.deps.db.transaction().execute(async (tx) => {
      for (const table of ['audit_log', 'audit_tree_nodes', 'audit_checkpoints']) await sql`alter table ${sql.table(table)} disable trigger user`.execute(tx);
      for (const statement of statements(tx)) await statement.execute(tx);
      for (const table of ['audit_log', 'audit_tree_nodes', 'audit_checkpoints']) await sql`alter table ${sql.table(table)} enable trigger user`.execute(tx);
    });
  }

  async function verifyOver(la: string): Promise<LogReport> {
    // Read two entries at a time first (the HTTP check appends its own entry): paging must not hide a break.
    const paged = await verifyAuthorityChain(t.deps, la, 2);
    const res = await t.request('GET', '/api/v1/audit/verify', { role: 'auditor', la });
    expect(res.status).toBe(200);
    const report = await res.json() as LogReport;
    expect(paged.firstBreak).toEqual(report.firstBreak);
    return report;
  }

  const broken: string[] = [];
  async function expectBreak(la: string, expected: { chainIndex: number | null; entryId: string | null; reason: string }) {
    const report = await verifyOver(la);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ la, ...expected });
    broken.push(la);
  }

  it('reports an untouched log as intact, and records every verification in it', async () => {
    const la = await logOfSix();
    const first = await verifyOver(la);
    expect(first).toMatchObject({ la, ok: true, entriesChecked: 6, checkpoint: { treeSize: 6 }, checkpointsChecked: 1, pending: 0, firstBreak: null });
    await integrateAll(t.deps);
    const second = await verifyOver(la);
    expect(second).toMatchObject({ ok: true, entriesChecked: 7, checkpoint: { treeSize: 7 }, checkpointsChecked: 2 });
    await integrateAll(t.deps);
    const rows = await entries(la);
    expect(rows.map((r) => r.action).slice(-2)).toEqual(['audit.verified', 'audit.verified']);
    expect(rows.at(-1)).toMatchObject({ actor_role: 'auditor', contact_id: null, chain_index: 7, detail: expect.objectContaining({ ok: true, entriesChecked: 7, firstBreak: null }) });
  });

  it('detects an edited detail', async () => {
    const la = await logOfSix();
    const target = (await entries(la))[2]!;
    await bypassingTriggers(() => [sql`update audit_log set detail = detail || '{"status":"closed"}' where id = ${target.id}`]);
    await expectBreak(la, { chainIndex: 2, entryId: target.id, reason: 'hash-mismatch' });
  });

  it('detects an edited actor, even with the entry’s hash recomputed to match', async () => {
    const la = await logOfSix();
    const target = (await entries(la))[3]!;
    const altered: LogEntry = {
      id: target.id, la, contactId: target.contact_id, action: target.action, actorSub: 'someone-else', actorRole: target.actor_role,
      at: new Date(target.at).toISOString(), detail: target.detail, hashAlg: target.hash_alg,
    };
    await bypassingTriggers(() => [sql`update audit_log set actor_sub = 'someone-else', hash = ${logEntryLeafHash(altered).toString('hex')} where id = ${target.id}`]);
    await expectBreak(la, { chainIndex: 3, entryId: target.id, reason: 'leaf-mismatch' });
  });

  it('detects an entry rewritten together with the stored tree, through the signed root', async () => {
    const la = await logOfSix();
    const target = (await entries(la))[4]!;
    const altered: LogEntry = {
      id: target.id, la, contactId: target.contact_id, action: target.action, actorSub: target.actor_sub, actorRole: target.actor_role,
      at: new Date(target.at).toISOString(), detail: { ...target.detail, outcome: 'nfa' }, hashAlg: target.hash_alg,
    };
    const leaf = logEntryLeafHash(altered);
    await bypassingTriggers(() => [
      sql`update audit_log set detail = ${JSON.stringify(altered.detail)}, hash = ${leaf.toString('hex')} where id = ${target.id}`,
      sql`update audit_tree_nodes set hash = ${leaf} where la = ${la} and level = 0 and idx = 4`,
    ]);
    await expectBreak(la, { chainIndex: 5, entryId: null, reason: 'root-mismatch' });
  });

  it('detects a deleted entry in the middle', async () => {
    const la = await logOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [sql`delete from audit_log where id = ${rows[2]!.id}`]);
    await expectBreak(la, { chainIndex: 3, entryId: rows[3]!.id, reason: 'index-gap' });
  });

  it('detects a deleted last entry, through the latest checkpoint', async () => {
    const la = await logOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [sql`delete from audit_log where id = ${rows[5]!.id}`]);
    await expectBreak(la, { chainIndex: 5, entryId: null, reason: 'missing-entries' });
  });

  it('detects two entries swapped in order', async () => {
    const la = await logOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [
      sql`update audit_log set chain_index = -1 where id = ${rows[1]!.id}`,
      sql`update audit_log set chain_index = 1 where id = ${rows[3]!.id}`,
      sql`update audit_log set chain_index = 3 where id = ${rows[1]!.id}`,
    ]);
    await expectBreak(la, { chainIndex: 1, entryId: rows[3]!.id, reason: 'leaf-mismatch' });
  });

  /** A forger who knows the algorithm: the row carries a correct hash of its content. */
  function forge(la: string, chainIndex: number) {
    const entry: LogEntry = {
      id: `aud_forged${la.toLowerCase()}${chainIndex}`, la, contactId: null, action: 'contact.closed',
      actorSub: 'manager-1', actorRole: 'manager', at: '2026-11-28T10:00:00.000Z', detail: { outcome: 'nfa' }, hashAlg: LOG_HASH_ALGORITHM,
    };
    return { ...entry, chainIndex, hash: logEntryLeafHash(entry).toString('hex') };
  }
  const insertForged = (f: ReturnType<typeof forge>) => sql`insert into audit_log (id, la, chain_index, contact_id, action, actor_sub, actor_role, at, detail, hash_alg, prev_hash, hash)
    values (${f.id}, ${f.la}, ${f.chainIndex}, null, ${f.action}, ${f.actorSub}, ${f.actorRole}, ${f.at}, ${JSON.stringify(f.detail)}, ${f.hashAlg}, null, ${f.hash})`;

  it('detects a well-formed forged entry added at the end, and goes on recording', async () => {
    const la = await logOfSix();
    const forged = forge(la, 6);
    // Inserting needs no trigger bypass: the signed checkpoint, not the trigger, is what catches this one.
    await insertForged(forged).execute(t.deps.db);
    // Writers lock nothing shared, so the forgery cannot stop the service recording.
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la })).status).toBe(201);
    await expectBreak(la, { chainIndex: 6, entryId: forged.id, reason: 'beyond-checkpoint' });
  });

  it('detects a forged entry slipped into the middle', async () => {
    const la = await logOfSix();
    const forged = forge(la, 3);
    await bypassingTriggers(() => [
      sql`update audit_log set chain_index = chain_index + 1000 where la = ${la} and chain_index >= 3`,
      sql`update audit_log set chain_index = chain_index - 999 where la = ${la} and chain_index >= 1000`,
      insertForged(forged),
    ]);
    await expectBreak(la, { chainIndex: 3, entryId: forged.id, reason: 'leaf-mismatch' });
  });

  it('detects a log whose checkpoints were removed', async () => {
    const la = await logOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [sql`delete from audit_checkpoints where la = ${la}`]);
    const report = await verifyAuthorityChain(t.deps, la);
    expect(report.firstBreak).toMatchObject({ la, chainIndex: 0, entryId: rows[0]!.id, reason: 'beyond-checkpoint' });
    broken.push(la);
  });

  it('detects a checkpoint whose stored root was changed to match a rewritten log', async () => {
    const la = await logOfSix();
    await bypassingTriggers(() => [sql`update audit_checkpoints set root_hash = ${Buffer.alloc(32, 7)} where la = ${la}`]);
    await expectBreak(la, { chainIndex: 5, entryId: null, reason: 'bad-checkpoint' });
  });

  it('reports an entry written but never integrated, and integrates it once the sequencer runs again', async () => {
    const la = `E06000${nextLa++}`;
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la })).status).toBe(201);
    const waiting = await verifyAuthorityChain(t.deps, la);
    expect(waiting).toMatchObject({ ok: true, entriesChecked: 0, pending: 2, checkpoint: null });
    // The sequencer has been down for an hour.
    await bypassingTriggers(() => [sql`update audit_log set written_at = now() - interval '1 hour' where la = ${la}`]);
    const [first] = await entries(la);
    const stranded = await verifyAuthorityChain(t.deps, la);
    expect(stranded).toMatchObject({ ok: false, pending: 2, firstBreak: { la, chainIndex: null, entryId: first!.id, reason: 'not-integrated' } });
    await integrateAll(t.deps);
    expect(await verifyAuthorityChain(t.deps, la)).toMatchObject({ ok: true, entriesChecked: 2, pending: 0, checkpoint: { treeSize: 2 } });
  });

  it('detects an entry edited while it waited for its place, even with its stored hash recomputed, once the sequencer has placed it', async () => {
    const la = `E06000${nextLa++}`;
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la })).status).toBe(201);
    const [first] = await entries(la);
    // Edited before the sequencer ran: the tree takes the leaf hash its writer stored, not one read from the edited content.
    await bypassingTriggers(() => [sql`update audit_log set detail = detail || '{"status":"closed"}' where id = ${first!.id}`]);
    await integrateAll(t.deps);
    await expectBreak(la, { chainIndex: 0, entryId: first!.id, reason: 'hash-mismatch' });

    const la2 = `E06000${nextLa++}`;
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la: la2 })).status).toBe(201);
    const [target] = await entries(la2);
    const altered: LogEntry = {
      id: target!.id, la: la2, contactId: target!.contact_id, action: target!.action, actorSub: 'someone-else', actorRole: target!.actor_role,
      at: new Date(target!.at).toISOString(), detail: target!.detail, hashAlg: target!.hash_alg,
    };
    // Content and stored hash both rewritten before it was placed: the tree then holds the forged leaf, as it would any
    // entry its writer wrote so. What the tree guarantees is that nothing changes after it is placed and signed.
    await bypassingTriggers(() => [sql`update audit_log set actor_sub = 'someone-else', hash = ${logEntryLeafHash(altered).toString('hex')} where id = ${target!.id}`]);
    await integrateAll(t.deps);
    expect(await verifyAuthorityChain(t.deps, la2)).toMatchObject({ ok: true, entriesChecked: 2 });
  });

  it('finds every broken authority when all logs are verified (npm run audit:verify)', async () => {
    const reports = await verifyAllChains(t.deps);
    expect(reports.filter((r) => !r.ok).map((r) => r.la).sort()).toEqual([...broken].sort());
    expect(reports.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
  });

  it('records the verification of a broken log with its first break, facts only', async () => {
    const la = broken[0]!;
    const last = (await t.deps.db.selectFrom('audit_log').selectAll().where('la', '=', la).orderBy('seq', 'desc').limit(1).execute())[0]!;
    expect(last).toMatchObject({ action: 'audit.verified', detail: expect.objectContaining({ ok: false, firstBreak: expect.objectContaining({ reason: 'hash-mismatch' }) }) });
  });

  it('lets only an auditor verify', async () => {
    for (const role of ['screener', 'manager', 'admin'] as const) {
      expect((await t.request('GET', '/api/v1/audit/verify', { role })).status).toBe(403);
    }
    expect((await t.request('GET', '/api/v1/audit/verify', { token: null })).status).toBe(401);
  });
});

describe('audit_log is append-only in the database itself', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact() })).status).toBe(201);
  });
  afterAll(async () => { await t.close(); });

  it.each([
    ['UPDATE', sql`update audit_log set actor_sub = 'x'`],
    ['UPDATE with a place', sql`update audit_log set actor_sub = 'x', chain_index = 99`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses %s through ordinary SQL', async (_, statement) => {
    await expect(statement.execute(t.deps.db)).rejects.toThrow(/append-only/);
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.actor_sub)).toEqual(['screener-1', 'screener-1']);
  });

  it('lets an entry be given its place once, and never moved after', async () => {
    await integrateAll(t.deps);
    const rows = await t.deps.db.selectFrom('audit_log').select(['id', 'chain_index']).orderBy('seq').execute();
    expect(rows.map((r) => r.chain_index)).toEqual([0, 1]);
    await expect(sql`update audit_log set chain_index = 5 where id = ${rows[0]!.id}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    for (const table of ['audit_tree_nodes', 'audit_checkpoints']) {
      await expect(sql`delete from ${sql.table(table)}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    }
  });

  it('holds no UPDATE, DELETE or TRUNCATE right for PUBLIC', async () => {
    const { rows } = await sql<{ privilege_type: string }>`
      select privilege_type from information_schema.role_table_grants where table_name = 'audit_log' and grantee = 'PUBLIC'`.execute(t.deps.db);
    expect(rows.map((r) => r.privilege_type)).not.toEqual(expect.arrayContaining(['UPDATE']));
    expect(rows.map((r) => r.privilege_type).filter((p) => ['UPDATE', 'DELETE', 'TRUNCATE'].includes(p))).toEqual([]);
  });
});
