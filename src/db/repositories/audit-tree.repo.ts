import { sql } from 'kysely';
import { LOG_HASH_ALGORITHM, type StoredLogEntry } from '../../audit/entry.js';
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

/**
 * Where the authority's tree stands, in one read: the size of its latest
 * signed checkpoint, and where the old hash chain ended (audit_heads is no
 * longer written; the chain's entries are the tree's first leaves).
 */
export async function findTreeState(db: Database, la: string): Promise<{ size: number; chainEnd: number }> {
  const { rows } = await sql<{ size: number | null; chain_index: number | null }>`
    select (select max(tree_size) from audit_checkpoints where la = ${la}) as size,
           (select chain_index from audit_heads where la = ${la}) as chain_index`.execute(db);
  const row = rows[0];
  return { size: Number(row?.size ?? 0), chainEnd: row?.chain_index === null || row?.chain_index === undefined ? 0 : Number(row.chain_index) + 1 };
}

/** Placed entries with from ≤ chain_index < to, in tree order. */
export async function listPlacedEntries(db: Database, la: string, from: number, to: number): Promise<StoredLogEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('chain_index', '>=', from).where('chain_index', '<', to)
    .orderBy('chain_index').execute();
  return rows.map(toStoredLogEntry);
}

/** An entry waiting for its place: the leaf hash its writer computed from its content, nothing more. */
export interface UnplacedEntry { id: string; leafHash: Buffer }

/**
 * Entries not yet placed, in write order. Only committed entries are visible
 * here, so a transaction still open is simply picked up by a later batch:
 * the tree's order is the order in which entries became visible (commit order
 * at the sequencer's granularity), never an order guessed from seq.
 * Only the id and the writer's leaf hash are read (issue 19: reading back and
 * re-hashing each entry's content was most of the sequencer's work): the tree
 * then binds the hash of the content as it was written, and the verifier,
 * which recomputes it from the content, finds any entry edited in between.
 */
export async function listUnplacedEntries(db: Database, la: string, limit: number): Promise<UnplacedEntry[]> {
  const rows = await db.selectFrom('audit_log').select(['id', 'hash', 'hash_alg'])
    .where('la', '=', la).where('chain_index', 'is', null)
    .orderBy('seq').limit(limit).execute();
  return rows.map((row) => {
    if (row.hash_alg !== LOG_HASH_ALGORITHM) throw new Error(`unplaced audit entry ${row.id} has hash algorithm ${row.hash_alg}: only ${LOG_HASH_ALGORITHM} entries are written unplaced`);
    return { id: row.id, leafHash: Buffer.from(row.hash, 'hex') };
  });
}

/** Authorities with work for the sequencer: entries waiting for a place, or an old chain not yet all in the tree. */
export async function listAuthoritiesToIntegrate(db: Database): Promise<string[]> {
  const { rows } = await sql<{ la: string }>`
    select la from audit_log where chain_index is null
    union
    select h.la from audit_heads h
    where h.chain_index + 1 > coalesce((select max(c.tree_size) from audit_checkpoints c where c.la = h.la), 0)
    order by la`.execute(db);
  return rows.map((r) => r.la);
}

/**
 * A batch's whole write, as one statement: the entries' places (only an
 * unplaced entry can be placed: the trigger refuses anything else), the
 * subtrees they complete, and the checkpoint signed over the new tree.
 */
export async function writeIntegration(tx: Database, la: string, batch: {
  placements: readonly { id: string; index: number }[]; nodes: readonly (NodeKey & { hash: Hash })[]; checkpoint: CheckpointRow;
}): Promise<void> {
  const { placements, nodes, checkpoint } = batch;
  const { rows } = await sql<{ placed: number }>`
    with placed as (
      update audit_log set chain_index = p.idx
      from unnest(${placements.map((p) => p.id)}::text[], ${placements.map((p) => p.index)}::bigint[]) as p(id, idx)
      where audit_log.id = p.id and audit_log.la = ${la} and audit_log.chain_index is null
      returning 1
    ), nodes as (
      insert into audit_tree_nodes (la, level, idx, hash)
      select ${la}, n.level, n.idx, decode(n.hash, 'hex')
      from unnest(${nodes.map((n) => n.level)}::smallint[], ${nodes.map((n) => n.index)}::bigint[], ${nodes.map((n) => n.hash.toString('hex'))}::text[]) as n(level, idx, hash)
      returning 1
    ), checkpoint as (
      insert into audit_checkpoints (la, tree_size, root_hash, signed_at, note)
      values (${checkpoint.la}, ${checkpoint.treeSize}, decode(${checkpoint.rootHash.toString('hex')}, 'hex'), ${checkpoint.signedAt}, ${checkpoint.note})
      returning 1
    )
    select (select count(*) from placed)::int as placed, (select count(*) from nodes)::int as nodes, (select count(*) from checkpoint)::int as checkpoints`.execute(tx);
  const placed = Number(rows[0]?.placed ?? 0);
  if (placed !== placements.length) throw new Error(`placed ${placed} of ${placements.length} audit entries for ${la}`);
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
