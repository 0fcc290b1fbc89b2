import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEntry, type ChainedEntry } from '../../../src/audit/entry.js';
import type { ChainReport } from '../../../src/audit/verify.js';
import type { Database } from '../../../src/db/client.js';
import { verifyAllChains, verifyAuthorityChain } from '../../../src/domain/audit/verify-chain.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Each case tampers with its own authority's chain directly in the database,
 * with the append-only triggers switched off as a table owner could, and the
 * verifier must name the first broken link.
 */
describe('audit chain verification: tampering is detected', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  let nextLa = 100;
  /** A fresh authority with three recorded contacts: six chained entries, indices 0–5. */
  async function chainOfSix(): Promise<string> {
    const la = `E06000${nextLa++}`;
    for (let i = 0; i < 3; i++) expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la })).status).toBe(201);
    return la;
  }

  const entries = (la: string) => t.deps.db.selectFrom('audit_log').selectAll().where('la', '=', la).orderBy('chain_index').execute();

  async function bypassingTriggers(statements: (db: Database) => RawBuilder<unknown>[]): Promise<void> {
    await t.deps.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger user`.execute(tx);
      for (const statement of statements(tx)) await statement.execute(tx);
      await sql`alter table audit_log enable trigger user`.execute(tx);
    });
  }

  async function verifyOver(la: string): Promise<ChainReport> {
    // Read two entries at a time first (the HTTP check appends its own entry): paging must not hide a break.
    const paged = await verifyAuthorityChain(t.deps.db, la, 2);
    const res = await t.request('GET', '/api/v1/audit/verify', { role: 'auditor', la });
    // 409: the tampering occupies the next chain index, so the check could not be recorded; it still reports.
    expect([200, 409]).toContain(res.status);
    const body = await res.json() as ChainReport & { report?: ChainReport };
    const report = res.status === 200 ? body : body.report!;
    expect(paged.firstBreak).toEqual(report.firstBreak);
    return report;
  }

  const broken: string[] = [];
  async function expectBreak(la: string, expected: { chainIndex: number; entryId: string | null; reason: string }) {
    const report = await verifyOver(la);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ la, ...expected });
    broken.push(la);
  }

  it('reports an untouched chain as intact, and records every verification in the chain', async () => {
    const la = await chainOfSix();
    const first = await verifyOver(la);
    expect(first).toMatchObject({ la, ok: true, entriesChecked: 6, head: { chainIndex: 5 }, firstBreak: null });
    const second = await verifyOver(la);
    expect(second).toMatchObject({ ok: true, entriesChecked: 7 });
    const rows = await entries(la);
    expect(rows.map((r) => r.action).slice(-2)).toEqual(['audit.verified', 'audit.verified']);
    expect(rows.at(-1)).toMatchObject({ actor_role: 'auditor', contact_id: null, detail: expect.objectContaining({ ok: true, entriesChecked: 7, firstBreak: null }) });
  });

  it('detects an edited detail', async () => {
    const la = await chainOfSix();
    const target = (await entries(la))[2]!;
    await bypassingTriggers(() => [sql`update audit_log set detail = detail || '{"status":"closed"}' where id = ${target.id}`]);
    await expectBreak(la, { chainIndex: 2, entryId: target.id, reason: 'hash-mismatch' });
  });

  it('detects an edited actor', async () => {
    const la = await chainOfSix();
    const target = (await entries(la))[3]!;
    await bypassingTriggers(() => [sql`update audit_log set actor_sub = 'someone-else' where id = ${target.id}`]);
    await expectBreak(la, { chainIndex: 3, entryId: target.id, reason: 'hash-mismatch' });
  });

  it('detects a deleted entry in the middle', async () => {
    const la = await chainOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [sql`delete from audit_log where id = ${rows[2]!.id}`]);
    await expectBreak(la, { chainIndex: 3, entryId: rows[3]!.id, reason: 'index-gap' });
  });

  it('detects a deleted last entry, through the recorded head', async () => {
    const la = await chainOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [sql`delete from audit_log where id = ${rows[5]!.id}`]);
    await expectBreak(la, { chainIndex: 5, entryId: null, reason: 'head-mismatch' });
  });

  it('detects two entries swapped in order', async () => {
    const la = await chainOfSix();
    const rows = await entries(la);
    await bypassingTriggers(() => [
      sql`update audit_log set chain_index = -1 where id = ${rows[1]!.id}`,
      sql`update audit_log set chain_index = 1 where id = ${rows[3]!.id}`,
      sql`update audit_log set chain_index = 3 where id = ${rows[1]!.id}`,
    ]);
    await expectBreak(la, { chainIndex: 1, entryId: rows[3]!.id, reason: 'prev-hash-mismatch' });
  });

  /** A forger who knows the algorithm: the row links to its predecessor and carries a correct hash. */
  function forge(la: string, chainIndex: number, prevHash: string): ChainedEntry & { hash: string } {
    const entry: ChainedEntry = {
      id: `aud_forged${la.toLowerCase()}${chainIndex}`, la, chainIndex, contactId: null, action: 'contact.closed',
      actorSub: 'manager-1', actorRole: 'manager', at: '2026-11-28T10:00:00.000Z', detail: { outcome: 'nfa' }, hashAlg: 'sha256', prevHash,
    };
    return { ...entry, hash: hashEntry(entry) };
  }
  const insertForged = (f: ReturnType<typeof forge>) => sql`insert into audit_log (id, la, chain_index, contact_id, action, actor_sub, actor_role, at, detail, hash_alg, prev_hash, hash)
    values (${f.id}, ${f.la}, ${f.chainIndex}, null, ${f.action}, ${f.actorSub}, ${f.actorRole}, ${f.at}, ${JSON.stringify(f.detail)}, ${f.hashAlg}, ${f.prevHash}, ${f.hash})`;

  it('detects a well-formed forged entry added at the end', async () => {
    const la = await chainOfSix();
    const rows = await entries(la);
    const forged = forge(la, 6, rows[5]!.hash);
    // Inserting needs no trigger bypass: the chain, not the trigger, is what catches this one.
    await insertForged(forged).execute(t.deps.db);
    // The forged row holds the next index, so no entry can be appended after it: the check answers 409 with its finding.
    const res = await t.request('GET', '/api/v1/audit/verify', { role: 'auditor', la });
    expect(res.status).toBe(409);
    const { report } = await res.json() as { report: ChainReport };
    expect(report.firstBreak).toMatchObject({ la, chainIndex: 6, entryId: forged.id, reason: 'beyond-head' });
    expect((await verifyAuthorityChain(t.deps.db, la, 2)).firstBreak).toEqual(report.firstBreak);
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact(), la })).status).toBe(500);
    broken.push(la);
  });

  it('detects a forged entry slipped into the middle', async () => {
    const la = await chainOfSix();
    const rows = await entries(la);
    const forged = forge(la, 3, rows[2]!.hash);
    await bypassingTriggers(() => [
      sql`update audit_log set chain_index = chain_index + 1000 where la = ${la} and chain_index >= 3`,
      sql`update audit_log set chain_index = chain_index - 999 where la = ${la} and chain_index >= 1000`,
      insertForged(forged),
    ]);
    await expectBreak(la, { chainIndex: 4, entryId: rows[3]!.id, reason: 'prev-hash-mismatch' });
  });

  it('detects a chain whose head was removed', async () => {
    const la = await chainOfSix();
    const rows = await entries(la);
    await sql`delete from audit_heads where la = ${la}`.execute(t.deps.db);
    const report = await verifyAuthorityChain(t.deps.db, la);
    expect(report.firstBreak).toMatchObject({ la, chainIndex: 0, entryId: rows[0]!.id, reason: 'head-missing' });
    broken.push(la);
  });

  it('finds every broken authority when all chains are verified (npm run audit:verify)', async () => {
    const reports = await verifyAllChains(t.deps.db);
    expect(reports.filter((r) => !r.ok).map((r) => r.la).sort()).toEqual([...broken].sort());
    expect(reports.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
  });

  it('records the verification of a broken chain with its first break, facts only', async () => {
    const la = broken[0]!;
    const last = (await entries(la)).at(-1)!;
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
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses %s through ordinary SQL', async (_, statement) => {
    await expect(statement.execute(t.deps.db)).rejects.toThrow(/append-only/);
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().orderBy('chain_index').execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.actor_sub)).toEqual(['screener-1', 'screener-1']);
  });

  it('holds no UPDATE, DELETE or TRUNCATE right for PUBLIC', async () => {
    const { rows } = await sql<{ privilege_type: string }>`
      select privilege_type from information_schema.role_table_grants where table_name = 'audit_log' and grantee = 'PUBLIC'`.execute(t.deps.db);
    expect(rows.map((r) => r.privilege_type)).not.toEqual(expect.arrayContaining(['UPDATE']));
    expect(rows.map((r) => r.privilege_type).filter((p) => ['UPDATE', 'DELETE', 'TRUNCATE'].includes(p))).toEqual([]);
  });
});
