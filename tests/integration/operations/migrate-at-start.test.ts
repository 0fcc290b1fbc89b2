import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminStatement } from '../../../scripts/local-server.js';
import { loadConfig } from '../../../src/config.js';
import { buildDeps } from '../../../src/deps.js';
import { NEEDS_POSTGRESQL } from '../../support/needs.js';
import { TEST_AUDIT_KEY, TEST_SECRET } from '../../support/test-app.js';

/** Kysely's migration lock on PostgreSQL: an advisory lock that an instance migrating holds until it is done. */
const MIGRATION_LOCK = '3853314791062309107';

/**
 * Instances starting together on one PostgreSQL: one migrates while the others wait for its lock. The wait, like a
 * long migration over a large table, must not be cut off by the timeouts meant for requests.
 */
describe.skipIf(!NEEDS_POSTGRESQL.present)(`${NEEDS_POSTGRESQL.reason}: migrations at start-up`, () => {
  // Read only when the suite runs: without TEST_DATABASE_URL it is skipped, and there is no URL to parse.
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://unused';
  const name = `mash_migrate_${randomBytes(6).toString('hex')}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  beforeAll(async () => { await adminStatement(admin, `create database ${name}`); });
  afterAll(async () => { await adminStatement(admin, `drop database if exists ${name} with (force)`); });

  it('waits for another instance’s migration longer than the 1 s statement timeout, then starts', async () => {
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    await holder.query(`select pg_advisory_lock(${MIGRATION_LOCK})`);
    const released = new Promise<void>((resolve) => { setTimeout(() => { void holder.query(`select pg_advisory_unlock(${MIGRATION_LOCK})`).then(() => resolve()); }, 3000); });
    const config = loadConfig({
      DATABASE_URL: url.toString(), DB_STATEMENT_TIMEOUT_MS: '1000', MASH_JWT_SECRET: TEST_SECRET, MASH_SESSION_SECRET: TEST_SECRET,
      MASH_DATA_DIR: '/nonexistent', MASH_AUDIT_SIGNING_KEY: TEST_AUDIT_KEY, LOG_LEVEL: 'silent',
    });
    try {
      const { database } = await buildDeps(config);
      const applied = await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
      expect(applied.length).toBeGreaterThan(10);
      await database.close();
    } finally {
      await released;
      await holder.end();
    }
  }, 60_000);
});
