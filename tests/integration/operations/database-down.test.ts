import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSettings, buildApp } from '../../../src/app.js';
import { createTokenVerifier } from '../../../src/auth/tokens.js';
import { openDatabase, type DatabaseHandle } from '../../../src/db/client.js';
import { quietContact } from '../../fixtures/contacts.js';
import { startDbProxy } from '../../support/db-proxy.js';
import { NEEDS_POSTGRESQL } from '../../support/needs.js';
import { createTestApp, storedCounts, type TestApp } from '../../support/test-app.js';

const url = process.env.TEST_DATABASE_URL;

/**
 * The app talks to PostgreSQL through a proxy the test can break; the test
 * itself checks what was stored over a direct connection.
 */
describe.skipIf(!NEEDS_POSTGRESQL.present)(`${NEEDS_POSTGRESQL.reason}: database down (PGlite is in-process and cannot go away)`, () => {
  let t: TestApp;
  let proxy: Awaited<ReturnType<typeof startDbProxy>>;
  let proxied: DatabaseHandle;
  let app: ReturnType<typeof buildApp>;

  beforeAll(async () => {
    t = await createTestApp();
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.deps.db);
    const target = new URL(url!);
    proxy = await startDbProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.hostname = '127.0.0.1';
    target.port = String(proxy.port);
    target.pathname = `/${rows[0]!.name}`;
    proxied = await openDatabase({ url: target.toString(), poolSize: 4 });
    app = buildApp({ ...t.deps, db: proxied.db }, { tokens: createTokenVerifier(t.config), bodyLimitBytes: t.config.bodyLimitBytes, ...appSettings(t.config) });
  });
  afterAll(async () => {
    await proxied?.close();
    await proxy?.close();
    await t?.close();
  });

  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${await t.token('screener')}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function expectUnavailable(res: Response) {
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ type: 'urn:mash-triage:problem:unavailable', status: 503 });
  }

  it('works through the proxy while the database is up', async () => {
    expect((await send('POST', '/api/v1/contacts', quietContact())).status).toBe(201);
    expect((await send('GET', '/readyz')).status).toBe(200);
  });

  it('refused connections: 503 with Retry-After at once, nothing stored', async () => {
    const before = await storedCounts(t.deps);
    await proxy.set('refuse');
    await expectUnavailable(await send('POST', '/api/v1/contacts', quietContact()));
    await expectUnavailable(await send('POST', '/api/v1/contacts', quietContact(), { 'idempotency-key': 'during-outage' }));
    await expectUnavailable(await send('GET', '/api/v1/contacts/con_00000000000000000000000000'));
    await expectUnavailable(await send('GET', '/readyz'));
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('a database that accepts but never answers: 503 once the connection timeout passes', async () => {
    const before = await storedCounts(t.deps);
    await proxy.set('hang');
    await expectUnavailable(await send('POST', '/api/v1/contacts', quietContact()));
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('recovers when the database returns, and a key used during the outage still works', async () => {
    await proxy.set('up');
    expect((await send('GET', '/readyz')).status).toBe(200);
    const res = await send('POST', '/api/v1/contacts', quietContact(), { 'idempotency-key': 'during-outage' });
    expect(res.status).toBe(201);
  });

  it('a connection lost mid-transaction rolls the whole contact back', async () => {
    const before = await storedCounts(t.deps);
    // The audit write goes in the one statement that writes the contact's rows: cut, it stores none of them.
    proxy.cutWhenSent('insert into "audit_log"');
    await expectUnavailable(await send('POST', '/api/v1/contacts', quietContact()));
    expect(proxy.cuts).toBe(1);
    expect(await storedCounts(t.deps)).toEqual(before);
    expect((await send('POST', '/api/v1/contacts', quietContact())).status).toBe(201);
    const after = await storedCounts(t.deps);
    expect(after.contacts - before.contacts).toBe(1);
    expect(after.audit - before.audit).toBe(2);
  });
});
