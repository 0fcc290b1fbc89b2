import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { appSettings, buildApp } from '../../src/app.js';
import { generateSigningKeyPem } from '../../src/audit/checkpoint.js';
import { createTokenVerifier, signLocalToken } from '../../src/auth/tokens.js';
import { closeRedis } from '../../src/clients/redis.client.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { buildDeps } from '../../src/deps.js';
import type { Deps } from '../../src/domain/context.js';
import { fixedClock } from '../../src/lib/clock.js';
import { RESPONSE_FILE } from '../../src/rules/response/response-file.js';
import { readRuleFiles, ruleSetFromFiles, type RuleSet } from '../../src/rules/rule-set.js';
import type { Role } from '../../src/schemas/codes.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
export const HOME_LA = 'E06000056';
export const OTHER_LA = 'E06000055';
/** One checkpoint signing key per test process: apps sharing a database verify each other's checkpoints. */
export const TEST_AUDIT_KEY = generateSigningKeyPem();

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new database on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory' });
  const name = `mash_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ url: target.toString(), poolSize: 10 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Responses in tests are read as any: each test asserts the shape it expects. */
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface TestApp {
  app: ReturnType<typeof buildApp>;
  deps: Deps;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  token(role: Role, options?: { la?: string; sub?: string }): Promise<string>;
  request(method: string, path: string, options?: { role?: Role; la?: string; sub?: string; body?: unknown; headers?: Record<string, string>; token?: string | null }): Promise<TestResponse>;
  close(): Promise<void>;
}

/** The live rules with the test response table: triages carry a route and urgency. */
export function responsePack(table = 'tests/fixtures/response-table/response.json'): RuleSet {
  const files = readRuleFiles('rules');
  files.set(RESPONSE_FILE, readFileSync(table, 'utf8'));
  return ruleSetFromFiles(files);
}

/** The live rules as packs were before the response table: triages carry a priority only, as old ones in the database do. */
export function legacyPack(): RuleSet {
  const files = readRuleFiles('rules');
  files.delete(RESPONSE_FILE);
  return ruleSetFromFiles(files);
}

/** `database`: another app's, to run a second rule pack over the same records (the caller's app closes it). */
export async function createTestApp(options: {
  env?: Record<string, string>; fetch?: typeof fetch; now?: string; logs?: string[]; ruleSet?: RuleSet; database?: DatabaseHandle;
} = {}): Promise<TestApp> {
  const config = loadConfig({ MASH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'info', MASH_DATA_DIR: '/nonexistent', MASH_AUDIT_SIGNING_KEY: TEST_AUDIT_KEY, ...options.env });
  const clock = fixedClock(options.now ?? '2026-11-28T10:00:00Z');
  const sink = options.logs;
  const logger = pino({ level: sink ? 'info' : 'silent', redact: { paths: (await import('../../src/deps.js')).LOG_REDACTIONS, censor: '[redacted]' } },
    sink ? { write: (line: string) => { sink.push(line); } } : undefined);
  const database = options.database ?? await freshDatabase();
  const { deps } = await buildDeps(config, {
    clock, logger, database, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.ruleSet ? { ruleSet: options.ruleSet } : {}),
  });
  const app = buildApp(deps, {
    tokens: createTokenVerifier(config),
    bodyLimitBytes: config.bodyLimitBytes,
    ...appSettings(config),
    web: { sessionSecret: TEST_SECRET, idleMinutes: config.sessionIdleMinutes, localSignIn: true },
  });
  const secret = new TextEncoder().encode(TEST_SECRET);
  const token = (role: Role, o: { la?: string; sub?: string } = {}) =>
    signLocalToken(secret, { sub: o.sub ?? `${role}-1`, role, la: o.la ?? HOME_LA }, { issuer: config.jwtIssuer, audience: config.jwtAudience });
  return {
    app, deps, database, clock, config, token,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      const bearer = o.token === undefined ? await token(o.role ?? 'screener', { ...(o.la ? { la: o.la } : {}), ...(o.sub ? { sub: o.sub } : {}) }) : o.token;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (o.body !== undefined) headers['content-type'] ??= 'application/json';
      return app.request(path, { method, headers, ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}) }) as Promise<TestResponse>;
    },
    close: async () => {
      if (deps.redis) await closeRedis(deps.redis);
      if (!options.database) await database.close();
    },
  };
}

/** Row counts of every table a contact writes to: "nothing stored" means all of these are unchanged. */
export async function storedCounts(deps: Deps) {
  const count = async (table: 'contacts' | 'contact_children' | 'contact_adults' | 'triages' | 'audit_log') =>
    Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    contacts: await count('contacts'),
    children: await count('contact_children'),
    adults: await count('contact_adults'),
    triages: await count('triages'),
    audit: await count('audit_log'),
  };
}
