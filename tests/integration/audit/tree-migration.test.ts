import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, type ChainedEntry } from '../../../src/audit/entry.js';
import { verifyInclusion } from '../../../src/audit/merkle.js';
import * as auditTree from '../../../src/db/migrations/2026-12-01-40-audit-tree.js';
import { integrateAll } from '../../../src/domain/audit/integrate-log.js';
import { verifyAuthorityChain } from '../../../src/domain/audit/verify-chain.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, HOME_LA, type TestApp } from '../../support/test-app.js';

/** Appends to the old hash chain exactly as the service did before the tree (audit_heads locked, each entry linked). */
async function appendChained(t: TestApp, la: string, count: number): Promise<ChainedEntry[]> {
  const written: ChainedEntry[] = [];
  const head = await t.deps.db.selectFrom('audit_heads').selectAll().where('la', '=', la).executeTakeFirst();
  let index = head ? Number(head.chain_index) : -1;
  let prevHash = head?.hash ?? GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    index += 1;
    const entry: ChainedEntry = {
      id: `aud_legacy${la.toLowerCase()}${index}`, la, chainIndex: index, contactId: null, action: 'contact.read',
      actorSub: 'screener-1', actorRole: 'screener', at: `2026-11-2${i % 9}T10:00:00.000Z`, detail: { n: i }, hashAlg: 'sha256', prevHash,
    };
    const hash = hashEntry(entry);
    await sql`insert into audit_log (id, la, chain_index, contact_id, action, actor_sub, actor_role, at, detail, hash_alg, prev_hash, hash)
      values (${entry.id}, ${la}, ${index}, null, ${entry.action}, ${entry.actorSub}, ${entry.actorRole}, ${entry.at}, ${JSON.stringify(entry.detail)}, 'sha256', ${prevHash}, ${hash})`.execute(t.deps.db);
    written.push(entry);
    prevHash = hash;
  }
  await sql`insert into audit_heads (la, chain_index, hash) values (${la}, ${index}, ${prevHash})
    on conflict (la) do update set chain_index = excluded.chain_index, hash = excluded.hash`.execute(t.deps.db);
  return written;
}

describe('the audit tree migration: existing hash chains become the first leaves', () => {
  let t: TestApp;
  const OTHER = 'E06000099';
  beforeAll(async () => {
    t = await createTestApp();
    await auditTree.down(t.deps.db);
    await appendChained(t, HOME_LA, 9);
    await appendChained(t, OTHER, 3);
    await auditTree.up(t.deps.db);
  });
  afterAll(async () => { await t.close(); });

  it('keeps the old chains verifiable, then integrates them first, in their order, and new entries after them', async () => {
    expect(await verifyAuthorityChain(t.deps, HOME_LA)).toMatchObject({ ok: true, entriesChecked: 9, checkpoint: null });
    expect((await t.request('POST', '/api/v1/contacts', { body: quietContact() })).status).toBe(201);
    await integrateAll(t.deps);
    const home = await verifyAuthorityChain(t.deps, HOME_LA);
    expect(home).toMatchObject({ ok: true, entriesChecked: 11, checkpoint: { treeSize: 11 }, pending: 0 });
    expect(await verifyAuthorityChain(t.deps, OTHER)).toMatchObject({ ok: true, entriesChecked: 3, checkpoint: { treeSize: 3 } });
    const rows = await t.deps.db.selectFrom('audit_log').select(['id', 'chain_index', 'hash_alg']).where('la', '=', HOME_LA).orderBy('chain_index').execute();
    expect(rows.map((r) => r.hash_alg)).toEqual([...Array(9).fill('sha256'), 'rfc9162-sha256', 'rfc9162-sha256']);
    expect(rows.slice(0, 9).map((r) => r.id)).toEqual(Array.from({ length: 9 }, (_, i) => `aud_legacy${HOME_LA.toLowerCase()}${i}`));
  });

  it('proves an old entry’s inclusion like any other', async () => {
    const res = await t.request('GET', `/api/v1/audit/proofs/inclusion?entry=aud_legacy${HOME_LA.toLowerCase()}4`, { role: 'auditor' });
    expect(res.status).toBe(200);
    const proof = await res.json();
    const checkpoint = await (await t.request('GET', '/api/v1/audit/checkpoint', { role: 'auditor' })).json();
    expect(proof).toMatchObject({ leafIndex: 4, treeSize: 11, checkpoint: checkpoint.note });
    const hashes = (proof.proof as string[]).map((p) => Buffer.from(p, 'base64'));
    expect(verifyInclusion(Buffer.from(proof.leafHash, 'base64'), 4, 11, hashes, Buffer.from(checkpoint.rootHash, 'base64'))).toBe(true);
  });

  it('still names an old entry altered after the migration, by its chain hash', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger user`.execute(tx);
      await sql`update audit_log set detail = '{"n":42}' where id = ${`aud_legacy${OTHER.toLowerCase()}1`}`.execute(tx);
      await sql`alter table audit_log enable trigger user`.execute(tx);
    });
    expect((await verifyAuthorityChain(t.deps, OTHER)).firstBreak).toMatchObject({ chainIndex: 1, reason: 'hash-mismatch' });
  });
});
