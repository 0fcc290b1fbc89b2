import type { ChainHead, StoredEntry } from '../../audit/verify.js';
import type { Database } from '../client.js';
import { toChainedEntry } from './audit.repo.js';

/** One page of an authority's chain after `afterIndex`, on the (la, chain_index) unique index. */
export async function listChainPage(db: Database, la: string, afterIndex: number, limit: number): Promise<StoredEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('chain_index', '>', afterIndex)
    .orderBy('chain_index').limit(limit).execute();
  return rows.map((row) => ({ ...toChainedEntry(row), hash: row.hash }));
}

export async function findChainHead(db: Database, la: string): Promise<ChainHead | null> {
  const row = await db.selectFrom('audit_heads').selectAll().where('la', '=', la).executeTakeFirst();
  return row ? { chainIndex: Number(row.chain_index), hash: row.hash } : null;
}

/** Every authority with a chain or a head: a chain whose head row was deleted is still found. */
export async function listChainAuthorities(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('audit_heads').select('la')
    .union(db.selectFrom('audit_log').select('la').distinct())
    .orderBy('la').execute();
  return rows.map((r) => r.la);
}
