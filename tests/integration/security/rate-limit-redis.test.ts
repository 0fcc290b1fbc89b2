import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_REDIS } from '../../support/needs.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const LIMIT = 5;
// rate-limiter-flexible owns the table, so it is not in the typed schema.
const rateRows = async (t: TestApp) => Number((await sql<{ n: string }>`select count(*) as n from rate_limits`.execute(t.deps.db)).rows[0]?.n);

/** Two instances that share nothing but Redis: the limit is counted there, once for both. */
describe.skipIf(!NEEDS_REDIS.present)(`${NEEDS_REDIS.reason}: rate limits kept in Redis when REDIS_URL is set`, () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL: process.env.TEST_REDIS_URL ?? '', MASH_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    first = await createTestApp({ env });
    second = await createTestApp({ env });
  }, 120_000);
  afterAll(async () => { await first?.close(); await second?.close(); });

  it('lets one user through LIMIT times across two instances with separate databases, then 429, and writes nothing to the database', async () => {
    // A user of this run only: Redis keeps a key for the minute, whichever test run made it.
    const sub = `redis-user-${randomBytes(6).toString('hex')}`;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await (i % 2 ? second : first).request('GET', '/api/v1/rules', { sub })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    expect(await rateRows(first)).toBe(0);
    expect(await rateRows(second)).toBe(0);
  });
});

/** A Redis that cannot be reached costs no contact: the database holds the limit meanwhile. */
describe('rate limits when the configured Redis is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so every Redis command fails at once.
    t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', MASH_RATE_LIMIT_PER_MINUTE: '3' } });
  }, 120_000);
  afterAll(async () => { await t.close(); });

  it('serves requests and still limits them, counting in the database', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.request('GET', '/api/v1/rules', { sub: 'no-redis-user' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await rateRows(t)).toBeGreaterThan(0);
  });
});
