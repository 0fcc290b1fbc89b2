import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Deps } from '../domain/context.js';

export interface RateLimiter {
  /** Takes one point for the key: null when allowed, else the seconds until the next point frees. */
  consume(key: string): Promise<number | null>;
}

/**
 * A limiter every instance shares: rate-limiter-flexible's PostgreSQL store on
 * the rate_limits table (created by migration), queried through the app's
 * Kysely database so it runs on PostgreSQL and the embedded PGlite alike; or,
 * when `REDIS_URL` is set, its Redis store, with the database store as its
 * insurance while Redis is unreachable (a limit still shared, never a request
 * refused for want of Redis).
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
  return {
    async consume(key) {
      // Keys hold a user's sub (up to 200 characters) or an address: hashed to fit the table and keep them out of it.
      const stored = createHash('sha256').update(key).digest('base64url');
      try {
        await limiter.consume(stored);
        return null;
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
        throw outcome;
      }
    },
  };
}
