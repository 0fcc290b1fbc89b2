import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, body, contactRow, decide, decisionRows, recordContact } from '../../support/decisions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Decisions that follow the prompts stand; each kind of departure goes to a manager. */
describe('POST /api/v1/contacts/{id}/decision', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a decision that follows the prompts is decided, stored as its own row and audited', async () => {
    const contact = await recordContact(t, seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request);
    const res = await decide(t, contact, { outcome: 'strategy_discussion', childSeen: true }, {}, 'screener-anna');
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe(`"${contact.id}-2"`);
    const result = await body(res);
    expect(result).toMatchObject({ contactStatus: 'decided', contactVersion: 2, outcome: 'strategy_discussion', departures: [], requiresReview: false, reviewDueBy: null, decidedBy: 'screener-anna', sequence: 1 });

    expect(await contactRow(t, contact.id)).toMatchObject({ status: 'decided', version: 2 });
    const [row] = await decisionRows(t, contact.id);
    expect(row).toMatchObject({ outcome: 'strategy_discussion', triage_id: contact.triage.id, decided_by: 'screener-anna', child_seen: true, child_spoken_to: false, override_reason: null });
    expect(row!.prompt_responses).toContainEqual({ action: 'strategy_discussion', indicator: 'critical', response: 'accepted', reason: null, raisedBy: expect.arrayContaining(['minimising-language']) });

    // Recording also opens partner checks; the contact's own events, and the feedback the decision prepares, are these.
    const audit = (await auditOf(t, contact.id)).filter((a) => !/^(check|transfer)\./.test(a.action));
    expect(audit.map((a) => a.action)).toEqual(['contact.recorded', 'contact.triaged', 'contact.decided', 'referrer_feedback.prepared']);
    expect(audit[2]).toMatchObject({ actor_sub: 'screener-anna', actor_role: 'screener' });
    expect(audit[2]!.detail).toMatchObject({ decisionId: row!.id, outcome: 'strategy_discussion', statusBefore: 'awaiting_decision', statusAfter: 'decided', departures: [] });
    expect(JSON.stringify(audit[2]!.detail)).not.toContain(row!.rationale);
  });

  it('nfa on a green contact with no prompts is decided', async () => {
    const contact = await recordContact(t, quietContact());
    const res = await decide(t, contact, { outcome: 'nfa', promptResponses: [] });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ contactStatus: 'decided', departures: [] });
  });

  it('declining a warning prompt with a reason is not a departure', async () => {
    // An anonymous report of physical abuse: anonymous-referrer-harm asks for a multi-agency review as a warning (pack
    // 2026.12.1 raises none for an anonymous caller alone, and declining a prompt never raised would test nothing).
    const contact = await recordContact(t, quietContact({ referrer: { source: '9' }, concerns: ['18C'], narrative: 'An anonymous caller says the child’s stepfather throws him about when he has been drinking.' }));
    expect(contact.triage.prompts).toContainEqual(expect.objectContaining({ action: 'multi_agency_review', indicator: 'warning' }));
    const res = await decide(t, contact, { outcome: 'early_help' }, { multi_agency_review: 'Health visitor already spoke with the family this week.' });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ contactStatus: 'decided', departures: [] });
  });

  it('declining a critical prompt is a departure: awaiting review, named with the rules that raised it', async () => {
    const contact = await recordContact(t, seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request);
    const strategy = contact.triage.prompts.find((p: { action: string }) => p.action === 'strategy_discussion');
    const res = await decide(t, contact, { outcome: 'assessment_s17', overrideReason: 'discretionary' }, { strategy_discussion: 'Mother accepts she smacked; no injury seen.' });
    expect(res.status).toBe(201);
    const result = await body(res);
    expect(result.contactStatus).toBe('awaiting_review');
    expect(result.departures).toEqual([{ kind: 'declined_critical_prompt', action: 'strategy_discussion', raisedBy: strategy.raisedBy }]);
    // Red: reviewed by the end of the same working day (Saturday 28 November 2026 → Monday 30th, 17:00 London).
    expect(result.reviewDueBy).toBe('2026-11-30T17:00:00.000Z');
    expect(await contactRow(t, contact.id)).toMatchObject({ status: 'awaiting_review', version: 2 });
    const [row] = await decisionRows(t, contact.id);
    expect(row).toMatchObject({ override_reason: 'discretionary', departures: result.departures });
    expect(new Date(row!.review_due_by!).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    const audit = await auditOf(t, contact.id);
    expect(audit.at(-1)!.detail).toMatchObject({ statusAfter: 'awaiting_review', departures: ['declined_critical_prompt'], overrideReason: 'discretionary' });
  });

  it('nfa on a red contact is a departure even when every prompt is accepted', async () => {
    const contact = await recordContact(t, quietContact({ immediateDanger: true }));
    const res = await decide(t, contact, { outcome: 'nfa', overrideReason: 'policy' });
    const result = await body(res);
    expect(result.contactStatus).toBe('awaiting_review');
    expect(result.departures).toEqual([{ kind: 'nfa_on_red', outcome: 'nfa', priority: 'red' }]);
  });

  it('information advice on an amber contact where manager sign-off before NFA was prompted: both departures named', async () => {
    // A baby in a home where the health visitor saw domestic abuse: amber (a child-in-need assessment within one working
    // day), and under-one asks for sign-off before any decision of no action. Pack 2026.12.1 raises neither for a baby alone.
    const contact = await recordContact(t, quietContact({
      referrer: { source: '3B', organisation: 'Health visiting', spokenToDirectly: true },
      children: [child({ dateOfBirth: '2026-06-01', mobility: 'not_independently_mobile', communicates: false })],
      household: { domesticAbuse: true }, domesticAbuseDetail: { childPresent: true },
      narrative: 'At a home visit the health visitor saw the father push the mother while she held the baby.',
    }));
    expect(contact.triage.priority).toBe('amber');
    const res = await decide(t, contact, { outcome: 'information_advice', overrideReason: 'other' });
    const result = await body(res);
    expect(result.contactStatus).toBe('awaiting_review');
    expect(result.departures).toEqual([
      { kind: 'nfa_on_amber', outcome: 'information_advice', priority: 'amber' },
      { kind: 'nfa_without_manager_signoff', outcome: 'information_advice', action: 'manager_signoff_before_nfa', raisedBy: ['under-one'] },
    ]);
    // Amber: one working day after the decision.
    expect(result.reviewDueBy).toBe('2026-12-01T17:00:00.000Z');
  });

  it('the contact view shows the latest decision, every decision and the reviews, keeping the triage', async () => {
    const contact = await recordContact(t, quietContact());
    await decide(t, contact, { outcome: 'early_help', promptResponses: [] });
    const view = await body(await t.request('GET', `/api/v1/contacts/${contact.id}`, { role: 'manager' }));
    expect(view.triage).toEqual(contact.triage);
    expect(view.status).toBe('decided');
    expect(view.decision).toMatchObject({ outcome: 'early_help', sequence: 1 });
    expect(view.decisions).toHaveLength(1);
    expect(view.reviews).toEqual([]);
    expect(view.finalOutcome).toBe('early_help');
  });
});
