import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOffline } from '../../../src/audit/offline.js';
import { integrateAll } from '../../../src/domain/audit/integrate-log.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

/** The checkpoint and proof routes, and the offline verifier that needs nothing but their answers and the public key. */
describe('GET /api/v1/audit/checkpoint and /api/v1/audit/proofs/*', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const get = async (path: string, role: 'auditor' | 'manager' | 'screener' = 'auditor') => {
    const res = await t.request('GET', path, { role });
    return { status: res.status, body: await res.json() };
  };
  const record = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await t.request('POST', '/api/v1/contacts', { body: quietContact() });
      expect(res.status).toBe(201);
      ids.push((await res.json()).id);
    }
    return ids;
  };

  it('has no checkpoint before anything is integrated', async () => {
    const { status, body } = await get('/api/v1/audit/checkpoint');
    expect(status).toBe(404);
    expect(body).toMatchObject({ status: 404 });
  });

  it('serves signed checkpoints whose later ones provably extend the earlier', async () => {
    await record(2);
    await integrateAll(t.deps);
    const first = await get('/api/v1/audit/checkpoint');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ origin: 'mash-triage/audit/E06000056', treeSize: 4, verifierKey: expect.stringMatching(/^mash-triage\/audit\+[0-9a-f]{8}\+/) });
    expect(first.body.note).toBe(`mash-triage/audit/E06000056\n4\n${first.body.rootHash}\ntime 2026-11-28T10:00:00.000Z\n\n\u2014 mash-triage/audit ${first.body.note.split(' ').at(-1)}`);

    await record(3);
    await integrateAll(t.deps);
    const second = await get('/api/v1/audit/checkpoint', 'manager');
    expect(second.body.treeSize).toBe(10);
    const consistency = await get('/api/v1/audit/proofs/consistency?from=4');
    expect(consistency.status).toBe(200);
    expect(consistency.body).toMatchObject({ from: 4, to: 10, fromCheckpoint: first.body.note, toCheckpoint: second.body.note });
    expect(verifyOffline({ verifierKey: second.body.verifierKey, checkpoint: second.body.note, consistency: consistency.body, olderCheckpoint: first.body.note }))
      .toMatchObject({ ok: true, failure: null });
    // A consistency proof for other sizes does not pass for these checkpoints.
    const other = await get('/api/v1/audit/proofs/consistency?from=3&to=10');
    expect(verifyOffline({ verifierKey: second.body.verifierKey, checkpoint: second.body.note, consistency: { ...other.body, from: 4 }, olderCheckpoint: first.body.note }).ok).toBe(false);
  });

  it('proves an entry’s inclusion, offline, and refuses a proof for the wrong entry or a forged checkpoint', async () => {
    const [contactId] = await record(1);
    await integrateAll(t.deps);
    const entry = await t.deps.db.selectFrom('audit_log').select(['id', 'chain_index']).where('contact_id', '=', contactId!).orderBy('seq').executeTakeFirstOrThrow();
    const checkpoint = (await get('/api/v1/audit/checkpoint')).body;
    const inclusion = await get(`/api/v1/audit/proofs/inclusion?entry=${entry.id}`);
    expect(inclusion.status).toBe(200);
    expect(inclusion.body).toMatchObject({ entryId: entry.id, leafIndex: entry.chain_index, treeSize: checkpoint.treeSize, checkpoint: checkpoint.note });
    expect(verifyOffline({ verifierKey: checkpoint.verifierKey, checkpoint: checkpoint.note, inclusion: inclusion.body }).ok).toBe(true);
    expect(verifyOffline({ verifierKey: checkpoint.verifierKey, checkpoint: checkpoint.note, inclusion: { ...inclusion.body, leafIndex: 0 } }).ok).toBe(false);
    const forged = checkpoint.note.replace(`\n${checkpoint.treeSize}\n`, `\n${checkpoint.treeSize + 1}\n`);
    expect(verifyOffline({ verifierKey: checkpoint.verifierKey, checkpoint: forged, inclusion: inclusion.body })).toMatchObject({ ok: false, failure: 'checkpoint: signature does not verify' });

    // At an earlier size the entry is not yet in the tree; a size beyond the log is a field error.
    expect((await get(`/api/v1/audit/proofs/inclusion?entry=${entry.id}&size=${entry.chain_index}`)).status).toBe(404);
    const tooBig = await get(`/api/v1/audit/proofs/inclusion?entry=${entry.id}&size=${checkpoint.treeSize + 1}`);
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors).toEqual([expect.objectContaining({ path: '/size' })]);
    const badQuery = await get('/api/v1/audit/proofs/consistency?from=-1');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors[0].path).toBe('/from');
    expect((await get('/api/v1/audit/proofs/consistency?from=5&to=4')).status).toBe(422);
  });

  it('runs as a script with nothing but the files and the key (npm run audit:verify-offline)', async () => {
    const checkpoint = (await get('/api/v1/audit/checkpoint')).body;
    const entry = await t.deps.db.selectFrom('audit_log').select('id').where('chain_index', '=', 2).executeTakeFirstOrThrow();
    const inclusion = (await get(`/api/v1/audit/proofs/inclusion?entry=${entry.id}`)).body;
    const dir = mkdtempSync(join(tmpdir(), 'audit-offline-'));
    writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(checkpoint));
    writeFileSync(join(dir, 'inclusion.json'), JSON.stringify(inclusion));
    const out = execFileSync('npx', ['tsx', 'scripts/audit-verify-offline.ts', '--key', checkpoint.verifierKey,
      '--checkpoint', join(dir, 'checkpoint.json'), '--inclusion', join(dir, 'inclusion.json')], { encoding: 'utf8' });
    expect(out).toContain(`ok    entry ${entry.id} is leaf 2 of the tree of size ${checkpoint.treeSize}`);
  });

  it('answers an entry of another authority as not found, and only to managers and auditors', async () => {
    const entry = await t.deps.db.selectFrom('audit_log').select('id').where('chain_index', '=', 0).executeTakeFirstOrThrow();
    const res = await t.request('GET', `/api/v1/audit/proofs/inclusion?entry=${entry.id}`, { role: 'auditor', la: OTHER_LA });
    expect(res.status).toBe(404);
    for (const path of ['/api/v1/audit/checkpoint', `/api/v1/audit/proofs/inclusion?entry=${entry.id}`, '/api/v1/audit/proofs/consistency?from=1']) {
      expect((await t.request('GET', path, { role: 'screener' })).status).toBe(403);
      expect((await t.request('GET', path, { token: null })).status).toBe(401);
    }
  });
});
