import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, body, contactRow, decide, decisionRows, recordContact, review, reviewRows } from '../../support/decisions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;
const START = '2026-11-28T10:00:00Z';
const DECLINE_STRATEGY = { strategy_discussion: 'Mother accepts she smacked; no injury was seen by the referrers.' };

/** The manager's queue and verdicts: endorse, overturn, return and decide again, close. */
describe('manager review', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ now: START }); });
  afterAll(async () => { await t.close(); });
  // A test that moves the clock must not leave it moved for the next one, even when it fails.
  afterEach(() => { t.clock.set(START); });

  async function departed(input = march(), outcome = 'nfa') {
    const contact = await recordContact(t, input);
    const res = await decide(t, contact, { outcome, overrideReason: 'discretionary' }, DECLINE_STRATEGY);
    expect(res.status).toBe(201);
    return contact;
  }

  it('the March 2023 contact decided nfa lands in the queue with the declined strategy discussion shown', async () => {
    const contact = await recordContact(t, march(), 'screener-anna');
    const strategy = contact.triage.prompts.find((p: { action: string }) => p.action === 'strategy_discussion');
    const res = await decide(t, contact, { outcome: 'nfa', overrideReason: 'discretionary' }, DECLINE_STRATEGY, 'screener-anna');
    expect((await body(res)).departures.map((d: { kind: string }) => d.kind)).toEqual(['declined_critical_prompt', 'nfa_on_red', 'nfa_without_manager_signoff']);

    const queue = await body(await t.request('GET', '/api/v1/reviews?status=pending', { role: 'manager' }));
    const item = queue.items.find((i: { contactId: string }) => i.contactId === contact.id);
    expect(item).toMatchObject({
      priority: 'red', outcome: 'nfa', overrideReason: 'discretionary', screener: 'screener-anna', etag: `"${contact.id}-2"`,
      declinedPrompts: [{ action: 'strategy_discussion', indicator: 'critical', reason: DECLINE_STRATEGY.strategy_discussion, raisedBy: strategy.raisedBy }],
      reviewDueBy: '2026-11-30T17:00:00.000Z', overdue: false, waitingMinutes: 0,
    });
  });

  it('the queue is oldest due first, marks the overdue, and holds only the manager’s own authority', async () => {
    t.clock.set('2026-11-30T09:00:00Z');
    const amber = await departed(quietContact({ referrer: { source: '9' } }));
    const red = await departed();
    t.clock.set('2026-11-30T18:00:00Z');
    const queue = await body(await t.request('GET', '/api/v1/reviews', { role: 'manager' }));
    const ids = queue.items.map((i: { contactId: string }) => i.contactId);
    expect(ids.indexOf(red.id)).toBeLessThan(ids.indexOf(amber.id));
    const redItem = queue.items.find((i: { contactId: string }) => i.contactId === red.id);
    const amberItem = queue.items.find((i: { contactId: string }) => i.contactId === amber.id);
    expect(redItem).toMatchObject({ reviewDueBy: '2026-11-30T17:00:00.000Z', overdue: true, waitingMinutes: 540 });
    expect(amberItem).toMatchObject({ reviewDueBy: '2026-12-01T17:00:00.000Z', overdue: false });
    const dues = queue.items.map((i: { reviewDueBy: string }) => i.reviewDueBy);
    expect(dues).toEqual([...dues].sort());
    const other = await body(await t.request('GET', '/api/v1/reviews', { role: 'manager', la: 'E06000055' }));
    expect(other.items).toEqual([]);
  });

  it('endorse: the screener’s outcome stands, the review is its own row, the contact leaves the queue', async () => {
    const contact = await departed();
    const res = await review(t, contact.id, { verdict: 'endorse' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe(`"${contact.id}-3"`);
    expect(await body(res)).toMatchObject({ verdict: 'endorse', outcome: null, contactStatus: 'decided', reviewedBy: 'manager-1' });
    expect(await contactRow(t, contact.id)).toMatchObject({ status: 'decided', version: 3 });
    const [decision] = await decisionRows(t, contact.id);
    expect(await reviewRows(t, contact.id)).toEqual([expect.objectContaining({ decision_id: decision!.id, verdict: 'endorse', outcome: null, reviewed_by: 'manager-1' })]);
    expect(decision!.outcome).toBe('nfa');
    const audit = await auditOf(t, contact.id);
    expect(audit.at(-2)).toMatchObject({ action: 'contact.reviewed', actor_sub: 'manager-1', actor_role: 'manager' });
    expect(audit.at(-1)).toMatchObject({ action: 'referrer_feedback.prepared' });
    expect(audit.at(-2)!.detail).toMatchObject({ verdict: 'endorse', statusBefore: 'awaiting_review', statusAfter: 'decided' });
    const queue = await body(await t.request('GET', '/api/v1/reviews', { role: 'manager' }));
    expect(queue.items.map((i: { contactId: string }) => i.contactId)).not.toContain(contact.id);
    const view = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'manager' }));
    expect(view.finalOutcome).toBe('nfa');
  });

  it('overturn: the manager’s outcome is kept apart from the screener’s, which is unchanged', async () => {
    const contact = await departed();
    const res = await review(t, contact.id, { verdict: 'overturn', outcome: 'strategy_discussion' });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ verdict: 'overturn', outcome: 'strategy_discussion', contactStatus: 'decided' });
    const [decision] = await decisionRows(t, contact.id);
    expect(decision!.outcome).toBe('nfa');
    expect((await reviewRows(t, contact.id))[0]).toMatchObject({ verdict: 'overturn', outcome: 'strategy_discussion' });
    const view = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'auditor' }));
    expect(view.decision.outcome).toBe('nfa');
    expect(view.reviews[0]).toMatchObject({ verdict: 'overturn', outcome: 'strategy_discussion', decisionId: decision!.id });
    expect(view.triage.priority).toBe('red');
    expect(view.finalOutcome).toBe('strategy_discussion');
  });

  it('return, then the screener decides again: both decisions kept, the second one reviewed', async () => {
    const contact = await departed();
    const returned = await review(t, contact.id, { verdict: 'return' });
    expect(await body(returned)).toMatchObject({ verdict: 'return', contactStatus: 'awaiting_decision' });
    expect((await auditOf(t, contact.id)).at(-1)).toMatchObject({ action: 'contact.returned' });

    const again = await decide(t, contact, { outcome: 'strategy_discussion' });
    expect(again.status).toBe(201);
    expect(await body(again)).toMatchObject({ sequence: 2, contactStatus: 'decided', departures: [] });
    const decisions = await decisionRows(t, contact.id);
    expect(decisions.map((d) => [d.sequence, d.outcome])).toEqual([[1, 'nfa'], [2, 'strategy_discussion']]);
    const view = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'manager' }));
    expect(view.decision).toMatchObject({ sequence: 2, outcome: 'strategy_discussion' });
    expect(view.decisions).toHaveLength(2);
    expect(view.reviews).toEqual([expect.objectContaining({ verdict: 'return', decisionId: decisions[0]!.id })]);
  });

  it('close: a decided contact closes with closed_at set, by screener or manager', async () => {
    const contact = await recordContact(t, quietContact());
    await decide(t, contact, { outcome: 'nfa', promptResponses: [] });
    const res = await t.request('POST', `/api/v1/contacts/${contact.id}/close`, { role: 'manager' });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ id: contact.id, status: 'closed', closedAt: '2026-11-28T10:00:00.000Z', version: 3 });
    const row = await contactRow(t, contact.id);
    expect(row.status).toBe('closed');
    expect(new Date(row.closed_at!).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect((await auditOf(t, contact.id)).at(-1)).toMatchObject({ action: 'contact.closed', actor_role: 'manager' });
    const byScreener = await recordContact(t, quietContact());
    await decide(t, byScreener, { outcome: 'nfa', promptResponses: [] });
    expect((await t.request('POST', `/api/v1/contacts/${byScreener.id}/close`, { role: 'screener' })).status).toBe(200);
  });
});
