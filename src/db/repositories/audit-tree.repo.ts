import { sql } from 'kysely';
import type { StoredLogEntry } from '../../audit/entry.js';
import { nodeKeyString, type Hash, type NodeKey } from '../../audit/merkle.js';
import type { Database } from '../client.js';
import { toStoredLogEntry } from './audit.repo.js';

/** Advisory lock class of the audit sequencer ('mash'); the second key is the authority. */
const SEQUENCER_LOCK = 0x6d617368;

/** One sequencer per authority across every instance: held until the transaction ends, never waited for. */
export async function tryLockAuthorityLog(tx: Database, la: string): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}, hashtext(${la})) as locked`.execute(tx);
  return rows[0]?.locked === true;
}

export interface CheckpointRow { la: string; treeSize: number; rootHash: Buffer; signedAt: Date; note: string }

const toCheckpoint = (row: { la: string; tree_size: number; root_hash: Buffer; signed_at: Date; note: string }): CheckpointRow => ({
  la: row.la, treeSize: Number(row.tree_size), rootHash: Buffer.from(row.root_hash), signedAt: new Date(row.signed_at), note: row.note,
});

export async function findLatestCheckpoint(db: Database, la: string): Promise<CheckpointRow | null> {
  const row = await db.selectFrom('audit_checkpoints').selectAll().where('la', '=', la)
    .orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

export async function findCheckpoint(db: Database, la: string, treeSize: number): Promise<CheckpointRow | null> {
  const row = await db.selectFrom('audit_checkpoints').selectAll().where('la', '=', la).where('tree_size', '=', treeSize).executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

export async function listCheckpoints(db: Database, la: string): Promise<CheckpointRow[]> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().where('la', '=', la).orderBy('tree_size').execute();
  return rows.map(toCheckpoint);
}

export async function insertCheckpoint(tx: Database, row: CheckpointRow): Promise<void> {
  await tx.insertInto('audit_checkpoints').values({
    la: row.la, tree_size: row.treeSize, root_hash: row.rootHash, signed_at: row.signedAt, note: row.note,
  }).execute();
}

/** Where the old hash chain ended (audit_heads is no longer written): its entries are the tree's first leaves. */
export async function findChainEnd(db: Database, la: string): Promise<number> {
  const row = await db.selectFrom('audit_heads').select('chain_index').where('la', '=', la).executeTakeFirst();
  return row ? Number(row.chain_index) + 1 : 0;
}

/** Placed entries with from ≤ chain_index < to, in tree order. */
export async function listPlacedEntries(db: Database, la: string, from: number, to: number): Promise<StoredLogEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('chain_index', '>=', from).where('chain_index', '<', to)
    .orderBy('chain_index').execute();
  return rows.map(toStoredLogEntry);
}

/**
 * Entries not yet placed, in write order. Only committed entries are visible
 * here, so a transaction still open is simply picked up by a later batch:
 * the tree's order is the order in which entries became visible (commit order
 * at the sequencer's granularity), never an order guessed from seq.
 */
export async function listUnplacedEntries(db: Database, la: string, limit: number): Promise<StoredLogEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('chain_index', 'is', null)
    .orderBy('seq').limit(limit).execute();
  return rows.map(toStoredLogEntry);
}

/** Authorities with entries waiting for a place. */
export async function listAuthoritiesWithUnplaced(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('la').distinct().where('chain_index', 'is', null).execute();
  return rows.map((r) => r.la);
}

/** Authorities whose old chain is not yet all in the tree. */
export async function listAuthoritiesWithChainToIntegrate(db: Database): Promise<string[]> {
  const { rows } = await sql<{ la: string }>`
    select h.la from audit_heads h
    where h.chain_index + 1 > coalesce((select max(c.tree_size) from audit_checkpoints c where c.la = h.la), 0)
    order by h.la`.execute(db);
  return rows.map((r) => r.la);
}

/** Gives entries their place; only an unplaced entry can be placed (the trigger refuses anything else). */
export async function placeEntries(tx: Database, la: string, placements: readonly { id: string; index: number }[]): Promise<void> {
  if (placements.length === 0) return;
  const result = await sql`
    update audit_log set chain_index = p.idx
    from unnest(${placements.map((p) => p.id)}::text[], ${placements.map((p) => p.index)}::bigint[]) as p(id, idx)
    where audit_log.id = p.id and audit_log.la = ${la} and audit_log.chain_index is null`.execute(tx);
  if (Number(result.numAffectedRows ?? 0) !== placements.length) {
    throw new Error(`placed ${String(result.numAffectedRows)} of ${placements.length} audit entries for ${la}`);
  }
}

export async function insertTreeNodes(tx: Database, la: string, nodes: readonly (NodeKey & { hash: Hash })[]): Promise<void> {
  for (let i = 0; i < nodes.length; i += 5000) {
    // biome-ignore lint/performance/noAwaitInLoops: batches of one insert, in one transaction, one after another
    await tx.insertInto('audit_tree_nodes')
      .values(nodes.slice(i, i + 5000).map((n) => ({ la, level: n.level, idx: n.index, hash: n.hash })))
      .execute();
  }
}

/** Stored subtree hashes by key (`level/index`); absent keys are simply not in the map. */
export async function findTreeNodes(db: Database, la: string, keys: readonly NodeKey[]): Promise<Map<string, Hash>> {
  const found = new Map<string, Hash>();
  if (keys.length === 0) return found;
  const { rows } = await sql<{ level: number; idx: number; hash: Buffer }>`
    select n.level, n.idx, n.hash from audit_tree_nodes n
    join unnest(${keys.map((k) => k.level)}::smallint[], ${keys.map((k) => k.index)}::bigint[]) as k(level, idx)
      on n.level = k.level and n.idx = k.idx
    where n.la = ${la}`.execute(db);
  for (const row of rows) found.set(nodeKeyString({ level: Number(row.level), index: Number(row.idx) }), Buffer.from(row.hash));
  return found;
}

/** Stored leaves from..to-1 by index, for the verifier's page. */
export async function listLeafNodes(db: Database, la: string, from: number, to: number): Promise<Map<number, Hash>> {
  const rows = await db.selectFrom('audit_tree_nodes').select(['idx', 'hash'])
    .where('la', '=', la).where('level', '=', 0).where('idx', '>=', from).where('idx', '<', to).execute();
  return new Map(rows.map((r) => [Number(r.idx), Buffer.from(r.hash)]));
}

/** Entries unplaced for more than `seconds` by the database's own clock: the sequencer should have placed them long ago. */
export async function listStrandedEntries(db: Database, la: string, seconds: number, limit: number) {
  return db.selectFrom('audit_log').select(['id', 'seq', 'written_at'])
    .where('la', '=', la).where('chain_index', 'is', null)
    .where('written_at', '<', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .orderBy('seq').limit(limit).execute();
}

export async function countUnplacedEntries(db: Database, la: string): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'))
    .where('la', '=', la).where('chain_index', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The entry's place and leaf, by id. */
export async function findEntry(db: Database, la: string, id: string): Promise<StoredLogEntry | null> {
  const row = await db.selectFrom('audit_log').selectAll().where('la', '=', la).where('id', '=', id).executeTakeFirst();
  return row ? toStoredLogEntry(row) : null;
}
