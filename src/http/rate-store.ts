import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Deps } from '../domain/context.js';

export interface RateLimiter {
  /** Takes one point for the key: null when allowed, else the seconds until the next point frees. */
  consume(key: string): Promise<number | null>;
}

/** An instance takes at most this share of what is left of a key's limit at once… */
const LEASE_SHARE = 64;
/** …and never more than this many points. */
const MAX_LEASE = 32;

interface Lease {
  /** Points taken from the shared count and not yet used by this instance. */
  left: number;
  /** When the shared window those points belong to ends (ms since the epoch). */
  until: number;
  /** What the shared count had left when this instance last read it. */
  remaining: number;
}

/**
 * A limiter every instance shares: rate-limiter-flexible's PostgreSQL store on
 * the rate_limits table (created by migration), queried through the app's
 * Kysely database so it runs on PostgreSQL and the embedded PGlite alike; or,
 * when `REDIS_URL` is set, its Redis store, with the database store as its
 * insurance while Redis is unreachable (a limit still shared, never a request
 * refused for want of Redis).
 *
 * Issue 19: one upsert per request, each committed (and flushed to disk) on
 * its own, on one row per user, was a round trip and a WAL flush on every API
 * request, with a user's concurrent requests queueing on that row. So an
 * instance takes points from the shared count in small leases and spends
 * them locally: a lease is at most 1/64 of what the shared count had left
 * (at most 32 points, and a single point once fewer than 128 are left). The
 * shared count is still the only authority, and the database grants a lease
 * only up to the limit, so across all instances no more than the limit is
 * ever allowed in a window. The error is one way: points an instance leased
 * and has not yet used can make another instance refuse a little early
 * (under 1/64 of the limit per instance, and one point per instance near
 * the limit); they are spent by that instance's next requests, and lapse
 * with their window.
 */
export function sharedRateLimiter(store: Pick<Deps, 'db' | 'redis'>, options: { keyPrefix: string; points: number; durationSeconds: number }): RateLimiter {
  const { db } = store;
  const storeClient = {
    async query(q: { text: string; values: unknown[] }) {
      const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(q.text, q.values));
      const rows = result.rows.map((r) => ({
        ...r, ...(r.points !== undefined ? { points: Number(r.points) } : {}), ...(r.expire !== undefined && r.expire !== null ? { expire: Number(r.expire) } : {}),
      }));
      return { rows, rowCount: rows.length || Number(result.numAffectedRows ?? 0) };
    },
  };
  const limits = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds };
  // clearExpiredByTimeout: every five minutes (an unref'd timer) the library deletes rows that expired over an hour ago,
  // so the table holds about an hour of keys rather than every user and address ever seen.
  const database = new RateLimiterPostgres({ storeClient, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: true, ...limits });
  const limiter = store.redis ? new RateLimiterRedis({ storeClient: store.redis, insuranceLimiter: database, ...limits }) : database;
  const leases = new Map<string, Lease>();
  const sweep = (now: number) => {
    for (const [key, lease] of leases) if (lease.until <= now) leases.delete(key);
  };
  return {
    async consume(key) {
      // Keys hold a user's sub (up to 200 characters) or an address: hashed to fit the table and keep them out of it.
      const stored = createHash('sha256').update(key).digest('base64url');
      const now = Date.now();
      const lease = leases.get(stored);
      if (lease && lease.left > 0 && now < lease.until) {
        lease.left -= 1;
        return null;
      }
      const known = lease && now < lease.until ? lease.remaining : options.points;
      const take = Math.max(1, Math.min(MAX_LEASE, Math.floor(known / LEASE_SHARE)));
      let answer: RateLimiterRes;
      try {
        answer = await limiter.consume(stored, take);
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw outcome;
        answer = outcome;
      }
      // The shared count before this take, read from after it: the take is granted only up to the limit.
      const granted = Math.max(0, Math.min(take, options.points - (answer.consumedPoints - take)));
      if (leases.size > 10_000) sweep(now);
      // Another request of this instance may have taken points while this one waited: those are kept, and used first.
      const current = leases.get(stored);
      const carried = current && Date.now() < current.until ? current.left : 0;
      const until = now + Math.max(0, answer.msBeforeNext);
      const remaining = Math.max(0, options.points - answer.consumedPoints);
      if (granted === 0 && current && carried > 0) {
        current.left -= 1;
        return null;
      }
      if (granted === 0) {
        leases.set(stored, { left: 0, until, remaining });
        return Math.max(1, Math.ceil(answer.msBeforeNext / 1000));
      }
      leases.set(stored, { left: carried + granted - 1, until, remaining });
      return null;
    },
  };
}
