import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.js';
import { migrateToLatest } from '../../../src/db/migrate.js';
import { sharedRateLimiter } from '../../../src/http/rate-store.js';
import { freshDatabase } from '../../support/test-app.js';

/**
 * The shared limit with leases (issue 19): instances take points from the
 * shared count a few at a time, yet together never allow more than the
 * limit, and spend what they took before refusing.
 */
describe('the shared rate limit, taken in leases', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase();
    await migrateToLatest(database.db);
  });
  afterAll(async () => { await database.close(); });

  const instances = (n: number, points: number, keyPrefix: string) =>
    Array.from({ length: n }, () => sharedRateLimiter({ db: database.db, redis: null }, { keyPrefix, points, durationSeconds: 60 }));

  it('three instances allow exactly the limit of 300 between them, in batches of ten spread over them', async () => {
    const limiters = instances(3, 300, 'lease-exact');
    let allowed = 0;
    for (let i = 0; i < 320; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => limiters[(i + j) % 3]?.consume('user-a')));
      allowed += batch.filter((wait) => wait === null).length;
    }
    expect(allowed).toBe(300);
  });

  it('never allows more than the limit with many requests at once on each instance', async () => {
    const limiters = instances(3, 640, 'lease-burst');
    let allowed = 0;
    for (let i = 0; i < 720; i += 30) {
      // Thirty at a time, ten on each instance: concurrent takes of one instance race each other for the same key.
      const answers = await Promise.all(Array.from({ length: 30 }, (_, j) => limiters[j % 3]?.consume('user-b')));
      allowed += answers.filter((wait) => wait === null).length;
    }
    expect(allowed).toBeLessThanOrEqual(640);
    // Leased points left unused on one instance may refuse another a little early: never more than 1/64 of the limit each.
    expect(allowed).toBeGreaterThanOrEqual(640 - 3 * 10);
  });

  it('a refused request is told when to retry, and users do not share a count', async () => {
    const [limiter] = instances(1, 3, 'lease-small');
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await limiter?.consume('user-c'));
    expect(waits.slice(0, 3)).toEqual([null, null, null]);
    expect(waits[3]).toBeGreaterThan(0);
    expect(await limiter?.consume('user-d')).toBeNull();
  });

  it('takes points from the shared count in leases: far fewer writes than requests for a generous limit', async () => {
    const [limiter] = instances(1, 100_000, 'lease-writes');
    for (let i = 0; i < 200; i++) expect(await limiter?.consume('user-e')).toBeNull();
    const { rows } = await sql<{ points: number }>`select points from rate_limits where key like 'lease-writes:%'`.execute(database.db);
    // 200 requests took 32 points a lease: 7 leases, 224 points counted (the unused 24 lapse with the window).
    expect(rows.map((r) => Number(r.points))).toEqual([224]);
  });
});
