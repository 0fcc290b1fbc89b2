import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveContactStatus } from '../../../src/db/repositories/contact-status.repo.js';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, body, contactRow, decide, decision, decisionRows, etag, recordContact, review, reviewRows, snapshot, type Json } from '../../support/decisions.js';
import { createTestApp, OTHER_LA, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;

/** Who may decide, review, close and read the trail; and two people acting at once. */
describe('decisions and reviews: who may do what', () => {
  let t: TestApp;
  let flagged: Json;
  beforeAll(async () => {
    t = await createTestApp();
    flagged = await recordContact(t, march());
    expect((await decide(t, flagged, { outcome: 'nfa', overrideReason: 'discretionary' }, {}, 'screener-1')).status).toBe(201);
  });
  afterAll(async () => { await t.close(); });

  it('only a screener decides', async () => {
    const contact = await recordContact(t, quietContact());
    const before = await snapshot(t, contact.id);
    for (const role of ['manager', 'auditor', 'admin'] as const) {
      const res = await t.request('POST', `/api/v1/contacts/${contact.id}/decision`, { role, body: decision(contact, { outcome: 'nfa' }) });
      expect(res.status, role).toBe(403);
    }
    expect(await snapshot(t, contact.id)).toEqual(before);
  });

  it('only a manager reviews or sees the queue', async () => {
    const before = await snapshot(t, flagged.id);
    for (const role of ['screener', 'auditor', 'admin'] as const) {
      const res = await t.request('POST', `/api/v1/contacts/${flagged.id}/review`, {
        role, body: { verdict: 'endorse', rationale: 'Looks right to me on the facts given here.' }, headers: { 'if-match': await etag(t, flagged.id) },
      });
      expect(res.status, role).toBe(403);
      expect((await t.request('GET', '/api/v1/reviews', { role })).status, role).toBe(403);
    }
    expect(await snapshot(t, flagged.id)).toEqual(before);
  });

  it('a manager may not review a decision they made', async () => {
    const contact = await recordContact(t, march());
    await decide(t, contact, { outcome: 'nfa', overrideReason: 'policy' }, {}, 'dual-role-7');
    const before = await snapshot(t, contact.id);
    const res = await review(t, contact.id, { verdict: 'endorse' }, { sub: 'dual-role-7' });
    expect(res.status).toBe(403);
    expect((await body(res)).detail).toMatch(/decision they made/);
    expect(await snapshot(t, contact.id)).toEqual(before);
  });

  it('auditors and admins may not close; only managers and auditors read the trail', async () => {
    const contact = await recordContact(t, quietContact());
    await decide(t, contact, { outcome: 'nfa', promptResponses: [] });
    for (const role of ['auditor', 'admin'] as const) expect((await t.request('POST', `/api/v1/contacts/${contact.id}/close`, { role })).status, role).toBe(403);
    for (const role of ['screener', 'admin'] as const) expect((await t.request('GET', `/api/v1/contacts/${contact.id}/trail`, { role })).status, role).toBe(403);
    for (const role of ['manager', 'auditor'] as const) expect((await t.request('GET', `/api/v1/contacts/${contact.id}/trail`, { role })).status, role).toBe(200);
  });

  it('another authority’s contact is 404 for decision, review, close and trail, and nothing changes', async () => {
    const before = await snapshot(t, flagged.id);
    const id = flagged.id;
    const responses = await Promise.all([
      t.request('POST', `/api/v1/contacts/${id}/decision`, { la: OTHER_LA, body: decision(flagged, { outcome: 'strategy_discussion' }) }),
      t.request('POST', `/api/v1/contacts/${id}/review`, { role: 'manager', la: OTHER_LA, body: { verdict: 'endorse', rationale: 'Looks right to me on the facts given here.' }, headers: { 'if-match': await etag(t, id) } }),
      t.request('POST', `/api/v1/contacts/${id}/close`, { role: 'manager', la: OTHER_LA }),
      t.request('GET', `/api/v1/contacts/${id}/trail`, { role: 'auditor', la: OTHER_LA }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(await snapshot(t, flagged.id)).toEqual(before);
    const queue = await body(await t.request('GET', '/api/v1/reviews', { role: 'manager', la: OTHER_LA }));
    expect(queue.items.map((i: { contactId: string }) => i.contactId)).not.toContain(id);
  });

  it('two managers reviewing at once: exactly one succeeds, the other is told the contact changed (412)', async () => {
    for (let round = 0; round < 5; round++) {
      const contact = await recordContact(t, march());
      await decide(t, contact, { outcome: 'nfa', overrideReason: 'discretionary' });
      const ifMatch = await etag(t, contact.id);
      const [a, b] = await Promise.all([
        review(t, contact.id, { verdict: 'endorse' }, { sub: 'manager-a', ifMatch }),
        review(t, contact.id, { verdict: 'overturn', outcome: 'strategy_discussion' }, { sub: 'manager-b', ifMatch }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 412]);
      const winner = a.status === 201 ? 'manager-a' : 'manager-b';
      expect(await reviewRows(t, contact.id)).toEqual([expect.objectContaining({ reviewed_by: winner })]);
      expect(await contactRow(t, contact.id)).toMatchObject({ status: 'decided', version: 3 });
      const reviewed = (await auditOf(t, contact.id)).filter((e) => e.action === 'contact.reviewed');
      expect(reviewed).toEqual([expect.objectContaining({ actor_sub: winner })]);
    }
  });

  it('the status move itself refuses a stale version in SQL, whatever the caller checked before', async () => {
    const contact = await recordContact(t, quietContact());
    await decide(t, contact, { outcome: 'nfa', promptResponses: [] });
    const stale = { la: 'E06000056', contactId: contact.id, from: 'decided', to: 'closed', version: 1 };
    expect(await moveContactStatus(t.deps.db, stale)).toBeNull();
    expect(await contactRow(t, contact.id)).toMatchObject({ status: 'decided', version: 2 });
    expect(await moveContactStatus(t.deps.db, { ...stale, la: OTHER_LA, version: 2 })).toBeNull();
  });

  it('two screeners deciding at once: one decision stands, the other is a 409', async () => {
    const contact = await recordContact(t, quietContact());
    const [a, b] = await Promise.all([
      decide(t, contact, { outcome: 'nfa', promptResponses: [] }, {}, 'screener-a'),
      decide(t, contact, { outcome: 'early_help', promptResponses: [] }, {}, 'screener-b'),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await decisionRows(t, contact.id)).toHaveLength(1);
    expect(await contactRow(t, contact.id)).toMatchObject({ status: 'decided', version: 2 });
  });

  it('audit entries of decisions and reviews carry ids and codes, never the names in the contact', async () => {
    const entries = await auditOf(t, flagged.id);
    const text = JSON.stringify(entries.map((e) => e.detail));
    const identifying = march().children.flatMap((c) => [c.givenName, c.familyName, c.nhsNumber]).filter((v): v is string => !!v);
    expect(identifying.length).toBeGreaterThan(0);
    for (const value of identifying) expect(text).not.toContain(value);
  });
});
