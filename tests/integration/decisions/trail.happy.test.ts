import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpoint, parseVerifierKey } from '../../../src/audit/checkpoint.js';
import { verifyInclusion } from '../../../src/audit/merkle.js';
import { integrateAll } from '../../../src/domain/audit/integrate-log.js';
import { seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, body, decide, recordContact, review } from '../../support/decisions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;

/** One contact from record to close, and the trail an auditor reads back. */
describe('GET /api/v1/contacts/{id}/trail', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ now: '2026-11-30T08:00:00Z' }); });
  afterAll(async () => { await t.close(); });

  it('shows every event in order, with actor, role, time and the status change', async () => {
    const march = seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;
    const contact = await recordContact(t, march, 'screener-anna');
    t.clock.advance(HOUR);
    expect((await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'manager', sub: 'manager-mo' })).status).toBe(200);
    t.clock.advance(HOUR);
    const declined = { strategy_discussion: 'Mother accepts she smacked; no injury was seen by the referrers.' };
    expect((await decide(t, contact, { outcome: 'nfa', overrideReason: 'discretionary' }, declined, 'screener-anna')).status).toBe(201);
    t.clock.advance(HOUR);
    expect((await review(t, contact.id, { verdict: 'return' }, { sub: 'manager-mo' })).status).toBe(201);
    t.clock.advance(HOUR);
    expect((await decide(t, contact, { outcome: 'assessment_s17', overrideReason: 'policy' }, declined, 'screener-anna')).status).toBe(201);
    t.clock.advance(HOUR);
    expect((await review(t, contact.id, { verdict: 'endorse' }, { sub: 'manager-mo' })).status).toBe(201);
    t.clock.advance(HOUR);
    expect((await t.request('POST', `/api/v1/contacts/${contact.id}/close`, { role: 'screener', sub: 'screener-anna' })).status).toBe(200);
    t.clock.advance(HOUR);
    await integrateAll(t.deps);

    const res = await t.request('GET', `/api/v1/contacts/${contact.id}/trail`, { role: 'auditor', sub: 'auditor-al' });
    expect(res.status).toBe(200);
    const trail = await body(res);
    expect(trail.status).toBe('closed');
    const events = trail.events as { event: string; actor: { sub: string; role: string }; at: string; change: unknown; detail: Record<string, unknown>; chainIndex: number;
      inclusion: { leafIndex: number; leafHash: string; proof: string[] } }[];
    // Recording also opens partner checks and a transfer; they are in the trail, and the contact's own story is this.
    const contactEvents = events.filter((e) => !e.event.includes('.'));
    expect(events.filter((e) => e.event.includes('.')).every((e) => e.change === null)).toBe(true);
    expect(contactEvents.map((e) => [e.event, e.actor.sub, e.actor.role, e.change])).toEqual([
      ['recorded', 'screener-anna', 'screener', { statusBefore: null, statusAfter: 'awaiting_decision' }],
      ['triaged', 'screener-anna', 'screener', null],
      ['read', 'manager-mo', 'manager', null],
      ['decided', 'screener-anna', 'screener', { statusBefore: 'awaiting_decision', statusAfter: 'awaiting_review' }],
      ['returned', 'manager-mo', 'manager', { statusBefore: 'awaiting_review', statusAfter: 'awaiting_decision' }],
      ['decided', 'screener-anna', 'screener', { statusBefore: 'awaiting_decision', statusAfter: 'awaiting_review' }],
      ['reviewed', 'manager-mo', 'manager', { statusBefore: 'awaiting_review', statusAfter: 'decided' }],
      ['closed', 'screener-anna', 'screener', { statusBefore: 'decided', statusAfter: 'closed' }],
    ]);
    const times = events.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(times[0]).toBe('2026-11-30T08:00:00.000Z');
    expect(times.at(-1)).toBe('2026-11-30T14:00:00.000Z');
    expect(events.map((e) => e.chainIndex)).toEqual([...events.map((e) => e.chainIndex)].sort((a, b) => a - b));
    // Each event comes with its proof of inclusion in the signed checkpoint, checkable with the public key alone.
    const { verifierKey } = await body(await t.request('GET', '/api/v1/audit/checkpoint', { role: 'auditor' }));
    const opened = openCheckpoint(trail.checkpoint.note, parseVerifierKey(verifierKey));
    if (!opened.ok) throw new Error(opened.reason);
    for (const e of events) {
      expect(e.inclusion.leafIndex).toBe(e.chainIndex);
      const proof = e.inclusion.proof.map((p) => Buffer.from(p, 'base64'));
      expect(verifyInclusion(Buffer.from(e.inclusion.leafHash, 'base64'), e.chainIndex, opened.checkpoint.size, proof, opened.checkpoint.root)).toBe(true);
    }
    // The triage, the screener's decisions and the manager's verdict are separate events, each in its own words.
    expect(contactEvents[1]!.detail).toMatchObject({ ruleSetHash: t.deps.ruleSet.hash, priority: 'red', facts: expect.any(Object) });
    expect(contactEvents[3]!.detail).toMatchObject({ outcome: 'nfa', sequence: 1 });
    expect(contactEvents[5]!.detail).toMatchObject({ outcome: 'assessment_s17', sequence: 2 });
    expect(contactEvents[6]!.detail).toMatchObject({ verdict: 'endorse', screenerOutcome: 'assessment_s17', outcome: null });

    // Reading the trail is itself recorded; the next reader sees it.
    const stored = await auditOf(t, contact.id);
    expect(stored.at(-1)).toMatchObject({ action: 'contact.trail_read', actor_sub: 'auditor-al', actor_role: 'auditor' });
    const again = await body(await t.request('GET', `/api/v1/contacts/${contact.id}/trail`, { role: 'manager' }));
    // Not yet integrated: it is listed, with no place and no proof until the sequencer's next batch.
    expect(again.events.at(-1)).toMatchObject({ event: 'trail_read', actor: { sub: 'auditor-al', role: 'auditor' }, chainIndex: null, inclusion: null });
  });

  it('the routes and their error responses are in the OpenAPI document', async () => {
    const doc = await body(await t.request('GET', '/openapi.json', { token: null }));
    expect(Object.keys(doc.paths['/api/v1/contacts/{id}/review'].post.responses)).toEqual(expect.arrayContaining(['201', '403', '404', '409', '412', '422', '428']));
    expect(Object.keys(doc.paths['/api/v1/contacts/{id}/decision'].post.responses)).toEqual(expect.arrayContaining(['201', '403', '404', '409', '422']));
    const read = JSON.stringify(doc.paths['/api/v1/contacts/{id}'].get.responses['200']);
    expect(read).toContain('ContactWithDecisions');
    const withDecisions = JSON.stringify(doc.components.schemas.ContactWithDecisions);
    for (const field of ['#/components/schemas/Contact', 'decisions', 'reviews', 'finalOutcome']) expect(withDecisions).toContain(field);
    for (const path of ['/api/v1/reviews', '/api/v1/contacts/{id}/close', '/api/v1/contacts/{id}/trail']) expect(doc.paths[path], path).toBeDefined();
  });
});
