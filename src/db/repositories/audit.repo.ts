import { LOG_HASH_ALGORITHM, logEntryLeafHash, type AuditEvent, type LogEntry, type StoredLogEntry } from '../../audit/entry.js';
import { newId } from '../../lib/ids.js';
import type { Database } from '../client.js';
import type { AuditRow, NewAuditRow } from '../schema.js';

/**
 * Writes events into their authority's audit log. Call it inside the
 * transaction that makes the change: if this write fails, the change is
 * rolled back with it. The entries go in unplaced (no chain_index) and lock
 * nothing shared: the sequencer gives them their place in the tree once the
 * transaction has committed. There is deliberately no update or delete here.
 */
export async function appendAudit(tx: Database, events: readonly AuditEvent[]): Promise<LogEntry[]> {
  if (events.length === 0) return [];
  const { written, write } = auditWrite(tx, events);
  await write.execute();
  return written;
}

/**
 * The insert of events' entries, not yet run: for writeTogether, which sends
 * it in the same statement as the change it records (so in the same
 * transaction, as appendAudit requires). `events` must not be empty.
 */
export function auditWrite(db: Database, events: readonly AuditEvent[]) {
  const written: LogEntry[] = events.map((event) => ({
    id: newId('aud', event.at),
    la: event.la,
    contactId: event.contactId,
    action: event.action,
    actorSub: event.actor.sub,
    actorRole: event.actor.role,
    at: event.at.toISOString(),
    detail: event.detail,
    hashAlg: LOG_HASH_ALGORITHM,
  }));
  const rows: NewAuditRow[] = written.map((entry) => ({
    id: entry.id, la: entry.la, contact_id: entry.contactId, action: entry.action,
    actor_sub: entry.actorSub, actor_role: entry.actorRole, at: entry.at,
    detail: JSON.stringify(entry.detail), hash_alg: entry.hashAlg, prev_hash: null,
    hash: logEntryLeafHash(entry).toString('hex'),
  }));
  return { written, write: db.insertInto('audit_log').values(rows) };
}

export function toStoredLogEntry(row: AuditRow): StoredLogEntry {
  return {
    id: row.id,
    la: row.la,
    chainIndex: row.chain_index === null ? null : Number(row.chain_index),
    contactId: row.contact_id,
    action: row.action,
    actorSub: row.actor_sub,
    actorRole: row.actor_role,
    at: new Date(row.at).toISOString(),
    detail: row.detail,
    hashAlg: row.hash_alg,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A contact's entries in write order: placed and not yet placed alike. */
export async function listAuditForContact(db: Database, la: string, contactId: string): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll()
    .where('la', '=', la).where('contact_id', '=', contactId)
    .orderBy('seq').execute();
}
