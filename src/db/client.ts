import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const PG_DATE = 1082;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;

function pgTypes() {
  const parsers: Record<number, (v: string) => unknown> = {
    [PG_DATE]: (v) => v,
    [PG_INT8]: (v) => Number(v),
    [PG_NUMERIC]: (v) => Number(v),
  };
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** Folder of the embedded database; `memory` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Seconds a query may wait for a pool connection before failing (the "database down" case). */
  connectionTimeoutMs?: number;
  /** Server-side limits on every connection, and a client-side read timeout just beyond the statement limit. */
  timeouts?: { statementMs: number; lockMs: number; idleInTransactionMs: number };
}

/** How long the client waits for an answer beyond the server's own statement limit before taking the connection as dead. */
const READ_GRACE_MS = 5000;
const BROKEN = Symbol('broken connection');
type TrackedClient = pg.PoolClient & { [BROKEN]?: Error };

/** A fault of the connection itself, after which the client must be destroyed rather than reused. */
export function isConnectionFault(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && /^(08|57P|25P03|ECONN|EPIPE|ETIMEDOUT)/.test(e.code)) return true;
  return /Query read timeout|Connection terminated|is not queryable|socket hang up/i.test(e.message ?? '');
}

/**
 * Remembers a connection fault on the client: later queries on it (Kysely's rollback) fail at once instead of
 * waiting on a dead socket, and release destroys the client instead of lending it out again.
 */
function trackFaults(client: TrackedClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    if (client[BROKEN]) return Promise.reject(client[BROKEN]);
    const result = query(...args) as Promise<unknown> | undefined;
    if (!result || typeof (result as Promise<unknown>).then !== 'function') return result;
    return (result as Promise<unknown>).catch((error: unknown) => {
      if (isConnectionFault(error)) client[BROKEN] = error as Error;
      throw error;
    });
  };
}

function destroyingPool(pool: pg.Pool) {
  return {
    async connect() {
      const client = (await pool.connect()) as TrackedClient;
      const release = client.release.bind(client);
      client.release = (destroy?: boolean | Error) => release(destroy ?? client[BROKEN] ?? false);
      return client;
    },
    end: () => pool.end(),
  };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 16,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 3000,
      types: pgTypes(),
      // A silent partition is found by the kernel rather than never.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(options.timeouts ? {
        statement_timeout: options.timeouts.statementMs,
        lock_timeout: options.timeouts.lockMs,
        idle_in_transaction_session_timeout: options.timeouts.idleInTransactionMs,
        query_timeout: options.timeouts.statementMs + READ_GRACE_MS,
      } : {}),
    });
    pool.on('error', () => { /* an idle client died; the pool replaces it */ });
    // A client that loses its connection while lent out also emits 'error'; unheard, that would end the process.
    // The query in flight fails with it (503), and the pool discards the client when it is released.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      trackFaults(client as TrackedClient);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: destroyingPool(pool) }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory';
  let pglite: PGlite;
  if (dataDir === 'memory') {
    pglite = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    pglite = new PGlite(dataDir);
  }
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * A small pool of its own for background work (the audit sequencer), so it
 * never queues behind requests for a connection when the request pool is
 * busy. The embedded database has one connection: it is shared, and closing
 * the background handle leaves it open.
 */
export async function openBackgroundDatabase(main: DatabaseHandle, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (main.kind === 'pglite' || !options.url) return { db: main.db, kind: main.kind, close: async () => undefined };
  return openDatabase(options);
}
