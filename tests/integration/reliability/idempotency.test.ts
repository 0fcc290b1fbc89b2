import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { reserveKey } from '../../../src/db/repositories/idempotency.repo.js';
import { hashRequest } from '../../../src/http/middleware/idempotency.js';
import { quietContact } from '../../fixtures/contacts.js';
import { createTestApp, HOME_LA, storedCounts, type TestApp } from '../../support/test-app.js';

/** A retrying client: every request may arrive several times; every contact must be stored exactly once. */
describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });
  // A spy on the shared evaluator whose fault a failing test never consumed must not fail the next test.
  afterEach(() => { vi.restoreAllMocks(); });

  const post = (key: string, body: unknown, o: { sub?: string } = {}) =>
    t.request('POST', '/api/v1/contacts', { body, headers: { 'idempotency-key': key }, ...o });
  const contact = (marker: string) => quietContact({ narrative: `Retry test ${marker}: a fall in the playground.` });
  async function storedWith(marker: string) {
    const rows = await t.deps.db.selectFrom('contacts').select('id')
      .where(sql<string>`record->>'narrative'`, 'like', `Retry test ${marker}:%`).execute();
    return rows.map((r) => r.id);
  }

  it('sequential retries get the first answer back and store each contact once', async () => {
    const before = await storedCounts(t.deps);
    for (let n = 0; n < 5; n++) {
      const answers = [];
      for (let attempt = 0; attempt < 4; attempt++) answers.push(await post(`seq-${n}`, contact(`seq-${n}`)));
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(answers.map((r) => r.headers.get('idempotent-replayed'))).toEqual([null, 'true', 'true', 'true']);
      const bodies = await Promise.all(answers.map((r) => r.json()));
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      expect(answers[3]!.headers.get('location')).toBe(`/api/v1/contacts/${bodies[0].id}`);
      expect(await storedWith(`seq-${n}`)).toEqual([bodies[0].id]);
    }
    const after = await storedCounts(t.deps);
    expect(after.contacts - before.contacts).toBe(5);
    expect(after.triages - before.triages).toBe(5);
    expect(after.audit - before.audit).toBe(10);
  });

  it('concurrent retries store each contact once; the losers are told to wait, then get the same answer', async () => {
    const before = await storedCounts(t.deps);
    const sends = Array.from({ length: 5 }, (_, n) => Array.from({ length: 4 }, () => post(`par-${n}`, contact(`par-${n}`)))).flat();
    const answers = await Promise.all(sends);
    for (const res of answers) {
      expect([201, 409]).toContain(res.status);
      if (res.status === 409) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await res.json()).type).toBe('urn:mash-triage:problem:request-in-flight');
      }
    }
    for (let n = 0; n < 5; n++) {
      const stored = await storedWith(`par-${n}`);
      expect(stored).toHaveLength(1);
      const retry = await post(`par-${n}`, contact(`par-${n}`));
      expect(retry.status).toBe(201);
      expect((await retry.json()).id).toBe(stored[0]);
    }
    const after = await storedCounts(t.deps);
    expect(after.contacts - before.contacts).toBe(5);
    expect(after.audit - before.audit).toBe(10);
  });

  it('the same key with a different body is 422 and stores nothing', async () => {
    expect((await post('reused', contact('reused-1'))).status).toBe(201);
    const before = await storedCounts(t.deps);
    const res = await post('reused', contact('reused-2'));
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('urn:mash-triage:problem:idempotency-key-reused');
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('keys belong to one user: another user may use the same key', async () => {
    expect((await post('shared-key', contact('user-a'), { sub: 'screener-a' })).status).toBe(201);
    expect((await post('shared-key', contact('user-b'), { sub: 'screener-b' })).status).toBe(201);
    expect(await storedWith('user-a')).toHaveLength(1);
    expect(await storedWith('user-b')).toHaveLength(1);
  });

  it('a refused request is replayed as refused, and stores nothing', async () => {
    const before = await storedCounts(t.deps);
    const bad = { ...contact('bad'), channel: 'fax' };
    const first = await post('bad-body', bad);
    const second = await post('bad-body', bad);
    expect([first.status, second.status]).toEqual([422, 422]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it('a fault on our side frees the key, so the retry is done', async () => {
    vi.spyOn(t.deps.evaluator, 'evaluate').mockRejectedValueOnce(new Error('rule engine fault'));
    expect((await post('after-fault', contact('fault'))).status).toBe(500);
    expect((await post('after-fault', contact('fault'))).status).toBe(201);
    expect(await storedWith('fault')).toHaveLength(1);
  });

  it('a reservation left by a process that died before doing anything is 409 until the in-flight timeout, then re-runs', async () => {
    const body = contact('orphan');
    const requestHash = hashRequest('POST', '/api/v1/contacts', new TextEncoder().encode(JSON.stringify(body)));
    await reserveKey(t.deps.db, {
      owner: { la: HOME_LA, sub: 'screener-1', key: 'orphan' }, requestHash, holder: 'dead-process', requestId: 'req_dead',
      now: t.clock.now(), ttlMs: 86_400_000, inFlightTimeoutMs: 30_000,
    });
    const waiting = await post('orphan', body);
    expect(waiting.status).toBe(409);
    expect(Number(waiting.headers.get('retry-after'))).toBe(30);
    t.clock.advance(31_000);
    expect((await post('orphan', body)).status).toBe(201);
    expect((await post('orphan', body)).headers.get('idempotent-replayed')).toBe('true');
    expect(await storedWith('orphan')).toHaveLength(1);
  });

  it('a process that died after its change committed, before storing the answer: the retry is told, not done again', async () => {
    const body = contact('lost-answer');
    const first = await post('lost-answer', body);
    expect(first.status).toBe(201);
    const { id } = await first.json();
    // As if the process died between the contact's commit and storing its response.
    await t.deps.db.updateTable('idempotency_keys').set({ state: 'in_flight', response_status: null, response_headers: null, response_body: null })
      .where('key', '=', 'lost-answer').execute();
    expect((await post('lost-answer', body)).status).toBe(409);
    t.clock.advance(31_000);
    const retry = await post('lost-answer', body);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('location')).toBe(`/api/v1/contacts/${id}`);
    expect(await retry.json()).toMatchObject({ type: 'urn:mash-triage:problem:request-already-done', contactId: id });
    expect((await post('lost-answer', body)).headers.get('idempotent-replayed')).toBe('true');
    expect(await storedWith('lost-answer')).toEqual([id]);
  });

  it('two deaths in a row: the retry that was told the change was done dies before storing that answer, and the next retry is still told', async () => {
    const body = contact('lost-twice');
    const first = await post('lost-twice', body);
    expect(first.status).toBe(201);
    const { id } = await first.json();
    const lose = () => t.deps.db.updateTable('idempotency_keys').set({ state: 'in_flight', response_status: null, response_headers: null, response_body: null })
      .where('key', '=', 'lost-twice').execute();
    // The first process dies after its commit; the retry after the in-flight timeout is told, then dies before storing that answer.
    await lose();
    t.clock.advance(31_000);
    expect((await post('lost-twice', body)).status).toBe(409);
    await lose();
    t.clock.advance(31_000);
    const third = await post('lost-twice', body);
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({ type: 'urn:mash-triage:problem:request-already-done', contactId: id });
    expect(await storedWith('lost-twice')).toEqual([id]);
  });

  it('keys last 24 hours, then expire and are swept away', async () => {
    expect((await post('day-old', contact('day-1'))).status).toBe(201);
    t.clock.advance(23 * 3_600_000);
    expect((await post('day-old', contact('day-1'))).headers.get('idempotent-replayed')).toBe('true');
    t.clock.advance(2 * 3_600_000);
    expect((await post('day-old', contact('day-2'))).status).toBe(201);
    expect(await storedWith('day-2')).toHaveLength(1);
    const expired = await t.deps.db.selectFrom('idempotency_keys').select('key')
      .where('expires_at', '<=', t.clock.now()).execute();
    expect(expired).toEqual([]);
  });

  it('a malformed key is 400', async () => {
    const res = await post('has spaces in it', contact('malformed'));
    expect(res.status).toBe(400);
    expect(await storedWith('malformed')).toEqual([]);
  });
});
