import type { ChainHead, StoredEntry } from '../../audit/verify.js';
import type { Database } from '../client.js';
import { toStoredLogEntry } from './audit.repo.js';

/** One page of an authority's placed entries after `afterIndex`, on the (la, chain_index) unique index. */
export async function listChainPage(db: Database, la: string, afterIndex: number, limit: number): Promise<StoredEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('chain_index', '>', afterIndex)
    .orderBy('chain_index').limit(limit).execute();
  return rows.map(toStoredLogEntry);
}

/** The end of the old hash chain (no longer written since entries became tree leaves). */
export async function findChainHead(db: Database, la: string): Promise<ChainHead | null> {
  const row = await db.selectFrom('audit_heads').selectAll().where('la', '=', la).executeTakeFirst();
  return row && Number(row.chain_index) >= 0 ? { chainIndex: Number(row.chain_index), hash: row.hash } : null;
}

/** Every authority with entries, a chain head or a checkpoint: a log whose checkpoints were deleted is still found. */
export async function listChainAuthorities(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('audit_heads').select('la')
    .union(db.selectFrom('audit_log').select('la').distinct())
    .union(db.selectFrom('audit_checkpoints').select('la').distinct())
    .orderBy('la').execute();
  return rows.map((r) => r.la);
}
