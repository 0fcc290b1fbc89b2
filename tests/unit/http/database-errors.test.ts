import net from 'node:net';
import { Hono } from 'hono';
import { sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import type { AppEnv } from '../../../src/http/env.js';
import { translateError } from '../../../src/http/problem.js';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The answer the one translator gives to whatever a route throws. */
async function answerTo(thrown: () => Promise<unknown>) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => { c.set('requestId', 'req_test'); c.set('logger', pino({ level: 'silent' })); await next(); });
  app.get('/', async () => { await thrown(); throw new Error('did not throw'); });
  app.onError((error, c) => translateError(error, c));
  return app.request('/');
}

describe('database errors become 503 with Retry-After', () => {
  it('a real kysely + pg pool pointed at a closed port', async () => {
    const handle = await openDatabase({ url: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`, poolSize: 1 });
    try {
      const res = await answerTo(() => sql`select 1`.execute(handle.db));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ type: 'urn:mash-triage:problem:unavailable', requestId: 'req_test' });
    } finally {
      await handle.close();
    }
  });

  const pgLike = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  it.each([
    ['refused', pgLike('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['pool connect timeout', pgLike('timeout exceeded when trying to connect')],
    ['admin shutdown', pgLike('terminating connection due to administrator command', '57P01')],
    ['cannot connect now (starting up)', pgLike('the database system is starting up', '57P03')],
    ['connection failure', pgLike('connection failure', '08006')],
    ['connection lost mid-query', pgLike('Connection terminated unexpectedly')],
    ['rollback on a dead connection', pgLike('Client has encountered a connection error and is not queryable')],
  ])('%s', async (_name, error) => {
    const res = await answerTo(async () => { throw error; });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('other database errors stay 500 and say nothing of the error', async () => {
    const res = await answerTo(async () => { throw pgLike('duplicate key value violates unique constraint "contacts_pkey"', '23505'); });
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('contacts_pkey');
  });
});
