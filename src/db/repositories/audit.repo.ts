import { sql } from 'kysely';
import { GENESIS_HASH, hashEntry, type AuditEvent, type ChainedEntry } from '../../audit/entry.js';
import { HASH_ALGORITHM } from '../../lib/hash.js';
import { newId } from '../../lib/ids.js';
import type { Database } from '../client.js';
import type { AuditRow, NewAuditRow } from '../schema.js';

/**
 * Appends events to their authority's hash chain. Call it inside the
 * transaction that makes the change: if this write fails, the change is
 * rolled back with it. There is deliberately no update or delete here.
 */
export async function appendAudit(tx: Database, events: readonly AuditEvent[]): Promise<ChainedEntry[]> {
  const written: ChainedEntry[] = [];
  for (const la of new Set(events.map((e) => e.la))) {
    const forLa = events.filter((e) => e.la === la);
    // Locks the head row until commit, so entries of one authority are chained in commit order.
    const head = await sql<{ chain_index: number; hash: string }>`
      insert into audit_heads (la, chain_index, hash) values (${la}, -1, ${GENESIS_HASH})
      on conflict (la) do update set la = excluded.la
      returning chain_index, hash`.execute(tx);
    let { chain_index: index, hash: prevHash } = head.rows[0]!;
    const rows: NewAuditRow[] = [];
    for (const event of forLa) {
      index = Number(index) + 1;
      const entry: ChainedEntry = {
        id: newId('aud', event.at),
        la,
        chainIndex: index,
        contactId: event.contactId,
        action: event.action,
        actorSub: event.actor.sub,
        actorRole: event.actor.role,
        at: event.at.toISOString(),
        detail: event.detail,
        hashAlg: HASH_ALGORITHM,
        prevHash,
      };
      const hash = hashEntry(entry);
      rows.push({
        id: entry.id, la, chain_index: index, contact_id: entry.contactId, action: entry.action,
        actor_sub: entry.actorSub, actor_role: entry.actorRole, at: entry.at,
        detail: JSON.stringify(entry.detail), hash_alg: entry.hashAlg, prev_hash: prevHash, hash,
      });
      written.push(entry);
      prevHash = hash;
    }
    await tx.with('appended', (db) => db.insertInto('audit_log').values(rows).returning('la'))
      .updateTable('audit_heads').set({ chain_index: index, hash: prevHash }).where('la', '=', la)
      .execute();
  }
  return written;
}

export function toChainedEntry(row: AuditRow): ChainedEntry {
  return {
    id: row.id,
    la: row.la,
    chainIndex: Number(row.chain_index),
    contactId: row.contact_id,
    action: row.action,
    actorSub: row.actor_sub,
    actorRole: row.actor_role,
    at: new Date(row.at).toISOString(),
    detail: row.detail,
    hashAlg: row.hash_alg,
    prevHash: row.prev_hash,
  };
}

export async function listAuditForContact(db: Database, la: string, contactId: string): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('contact_id', '=', contactId)
    .orderBy('chain_index').execute();
}
