import { sql } from 'kysely';
import type { Database } from '../client.js';
import { present } from '../../lib/one-of.js';

export interface KeyOwner { la: string; sub: string; key: string }
export interface StoredResponse { status: number; headers: Record<string, string>; body: string }

export type Reservation =
  | { outcome: 'reserved' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'mismatch' }
  | { outcome: 'in-flight'; lockedAt: Date }
  /** The earlier holder died after its change committed but before its response was stored. */
  | { outcome: 'done-unanswered'; contactId: string | null };

export interface ReserveRequest {
  owner: KeyOwner;
  requestHash: string;
  /** The request id of the caller: only the holder may complete or release the key. */
  holder: string;
  /** The request id, which state-changing verbs write into their audit entries. */
  requestId: string;
  now: Date;
  ttlMs: number;
  inFlightTimeoutMs: number;
}

const byOwner = (o: KeyOwner) => ({ la: o.la, sub: o.sub, key: o.key });

/**
 * Reserves a key in its own short transaction, or says what the earlier use
 * of the key decides: replay its response, refuse a different body, or wait
 * for a request still in flight. A reservation older than the in-flight
 * timeout is taken over (its holder is presumed dead) and the request re-runs.
 */
export async function reserveKey(db: Database, r: ReserveRequest): Promise<Reservation> {
  const fresh = {
    ...byOwner(r.owner), request_hash: r.requestHash, holder: r.holder, request_id: r.requestId, state: 'in_flight' as const,
    locked_at: r.now, expires_at: new Date(r.now.getTime() + r.ttlMs), response_status: null, response_headers: null, response_body: null,
  };
  return db.transaction().execute(async (tx) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      // biome-ignore lint/performance/noAwaitInLoops: the second attempt runs only if the first found a row that expired
      const inserted = await tx.insertInto('idempotency_keys').values(fresh)
        .onConflict((oc) => oc.columns(['la', 'sub', 'key']).doNothing()).returning('key').executeTakeFirst();
      if (inserted) return { outcome: 'reserved' };
      const row = await tx.selectFrom('idempotency_keys').selectAll()
        .where('la', '=', r.owner.la).where('sub', '=', r.owner.sub).where('key', '=', r.owner.key)
        .forUpdate().executeTakeFirst();
      if (!row) continue; // swept away between the two statements: insert again
      const expired = new Date(row.expires_at).getTime() <= r.now.getTime();
      const stale = row.state === 'in_flight' && new Date(row.locked_at).getTime() + r.inFlightTimeoutMs <= r.now.getTime();
      if (!expired && row.request_hash !== r.requestHash) return { outcome: 'mismatch' };
      if (!expired && row.state === 'done') {
        return { outcome: 'replay', response: { status: present(row.response_status, 'response_status'), headers: row.response_headers ?? {}, body: row.response_body ?? '' } };
      }
      if (!expired && !stale) return { outcome: 'in-flight', lockedAt: new Date(row.locked_at) };
      // request_id and expires_at always name the run whose change is looked for: the one that reserved the key to do
      // it (expires_at − ttl is when it did). A retry that is only told about it takes the key without taking them, so
      // if it too dies before storing its answer, the next retry still finds the change (not a second contact).
      const doneSince = new Date(new Date(row.expires_at).getTime() - r.ttlMs);
      const committed = stale && !expired ? await findCommittedWork(tx, r.owner, row.request_id, doneSince) : undefined;
      await tx.updateTable('idempotency_keys').set(committed ? { holder: r.holder, state: 'in_flight', locked_at: r.now } : fresh)
        .where('la', '=', r.owner.la).where('sub', '=', r.owner.sub).where('key', '=', r.owner.key).execute();
      return committed ? { outcome: 'done-unanswered', contactId: committed.contact_id } : { outcome: 'reserved' };
    }
    throw new Error('idempotency key could not be reserved');
  });
}

/**
 * Did the abandoned request change anything? Every state-changing verb writes
 * an audit entry carrying its request id in the same transaction as the change,
 * so an entry by this user, with that request id, since the reservation means
 * the change committed. Only read when taking over an abandoned key (rare).
 */
async function findCommittedWork(tx: Database, owner: KeyOwner, requestId: string, since: Date) {
  return tx.selectFrom('audit_log').select('contact_id')
    .where('la', '=', owner.la).where('actor_sub', '=', owner.sub).where('at', '>=', since)
    .where(sql<string>`detail->>'requestId'`, '=', requestId)
    .orderBy('seq').limit(1).executeTakeFirst();
}

/** Stores the final response; does nothing if another request has since taken the key over. */
export async function completeKey(db: Database, owner: KeyOwner, holder: string, response: StoredResponse): Promise<void> {
  await db.updateTable('idempotency_keys')
    .set({ state: 'done', response_status: response.status, response_headers: JSON.stringify(response.headers), response_body: response.body })
    .where('la', '=', owner.la).where('sub', '=', owner.sub).where('key', '=', owner.key)
    .where('holder', '=', holder).where('state', '=', 'in_flight')
    .execute();
}

/** Frees a key whose request failed on our side, so that the client may retry at once. */
export async function releaseKey(db: Database, owner: KeyOwner, holder: string): Promise<void> {
  await db.deleteFrom('idempotency_keys')
    .where('la', '=', owner.la).where('sub', '=', owner.sub).where('key', '=', owner.key)
    .where('holder', '=', holder).where('state', '=', 'in_flight')
    .execute();
}

export async function deleteExpiredKeys(db: Database, now: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
