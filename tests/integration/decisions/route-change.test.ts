import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, body, decide, decision, decisionRows, recordContact, snapshot, type Json } from '../../support/decisions.js';
import { createTestApp, legacyPack, responsePack, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;
const anonymous = () => quietContact({ referrer: { source: '9' } });
const CHANGE_REASON = 'The health visitor says the baby has not been seen for six weeks, so this cannot wait three days.';
const GUARDS = ['household_checks', 'speak_to_referrer', 'manager_signoff_before_nfa', 'request_evidence'];
const answersWithoutGuards = (contact: Json) => decision(contact).promptResponses.filter((r: { action: string }) => !GUARDS.includes(r.action));

/** The screener may change the suggested route or urgency, with a reason; a change is a departure a manager reviews. */
describe('decisions on a triage with a route and urgency', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ ruleSet: responsePack() }); });
  afterAll(async () => { await t.close(); });

  describe('happy', () => {
    it('keeping the suggestion stands, and the decision row carries the route and urgency it stands on', async () => {
      const contact = await recordContact(t, march());
      const res = await decide(t, contact, { outcome: 'strategy_discussion' });
      expect(res.status).toBe(201);
      expect(await body(res)).toMatchObject({ contactStatus: 'decided', departures: [], route: 's47_strategy', urgency: 'same_day', routeChangeReason: null });
      const [row] = await decisionRows(t, contact.id);
      expect(row).toMatchObject({ route: 's47_strategy', urgency: 'same_day', route_change_reason: null });
      const decided = (await auditOf(t, contact.id)).find((a) => a.action === 'contact.decided')!;
      expect(decided.detail).toMatchObject({ suggestedRoute: 's47_strategy', suggestedUrgency: 'same_day', route: 's47_strategy', urgency: 'same_day', departures: [] });
    });

    it('naming the suggested route and urgency is no change', async () => {
      const contact = await recordContact(t, anonymous());
      const res = await decide(t, contact, { route: 's17_assessment', urgency: 'three_working_days' });
      expect(await body(res)).toMatchObject({ contactStatus: 'decided', departures: [], route: 's17_assessment', urgency: 'three_working_days' });
    });

    it('guard prompts need no response unless the outcome is nfa or information and advice', async () => {
      const contact = await recordContact(t, march());
      const unanswered = contact.triage.prompts.filter((p: Json) => GUARDS.includes(p.action) && p.indicator !== 'info');
      expect(unanswered.length).toBeGreaterThan(1);
      const res = await decide(t, contact, { outcome: 'strategy_discussion', promptResponses: answersWithoutGuards(contact) });
      expect(res.status).toBe(201);
      const result = await body(res);
      expect(result.contactStatus).toBe('decided');
      expect(result.promptResponses.map((r: Json) => r.action)).not.toContain('household_checks');
    });

    it('raising the urgency is a departure: awaiting review, the triage unchanged, the decision holding the final urgency', async () => {
      const contact = await recordContact(t, anonymous());
      expect(contact.triage).toMatchObject({ route: 's17_assessment', urgency: 'three_working_days', priority: 'green' });
      const res = await decide(t, contact, { urgency: 'one_working_day', routeChangeReason: CHANGE_REASON, overrideReason: 'discretionary' });
      expect(res.status).toBe(201);
      const result = await body(res);
      expect(result).toMatchObject({
        contactStatus: 'awaiting_review', requiresReview: true, route: 's17_assessment', urgency: 'one_working_day', routeChangeReason: CHANGE_REASON,
        departures: [{ kind: 'urgency_changed', from: 'three_working_days', to: 'one_working_day', direction: 'raised' }],
      });
      // Saturday 28 November: green is reviewed within one working day (Tuesday), and one working day is no sooner.
      expect(result.reviewDueBy).toBe('2026-12-01T17:00:00.000Z');

      const triage = await t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', contact.id).executeTakeFirstOrThrow();
      expect(triage).toMatchObject({ route: 's17_assessment', urgency: 'three_working_days' });
      expect((await decisionRows(t, contact.id))[0]).toMatchObject({ route: 's17_assessment', urgency: 'one_working_day', route_change_reason: CHANGE_REASON });
      const decided = (await auditOf(t, contact.id)).find((a) => a.action === 'contact.decided')!;
      expect(decided.detail).toMatchObject({ suggestedUrgency: 'three_working_days', urgency: 'one_working_day', departures: ['urgency_changed'], statusAfter: 'awaiting_review' });
      expect(JSON.stringify(decided.detail)).not.toContain(CHANGE_REASON);

      const queue = await body(await t.request('GET', '/api/v1/reviews', { role: 'manager' }));
      expect(queue.items.find((i: Json) => i.contactId === contact.id)).toMatchObject({
        suggested: { route: 's17_assessment', urgency: 'three_working_days' }, route: 's17_assessment', urgency: 'one_working_day',
      });
    });

    it('lowering the route and urgency names both, lowered, beside any other departure', async () => {
      const contact = await recordContact(t, march());
      const res = await decide(t, contact, {
        outcome: 'assessment_s17', route: 's17_assessment', urgency: 'one_working_day', overrideReason: 'discretionary',
        routeChangeReason: 'Mother accepts she smacked once; no injury; the school sees the children daily and will call.',
      }, { strategy_discussion: 'No injury and a single smack, admitted; an assessment is proportionate.' });
      const result = await body(res);
      expect(result.contactStatus).toBe('awaiting_review');
      expect(result.departures).toEqual([
        { kind: 'declined_critical_prompt', action: 'strategy_discussion', raisedBy: expect.any(Array) },
        { kind: 'route_changed', from: 's47_strategy', to: 's17_assessment', direction: 'lowered' },
        { kind: 'urgency_changed', from: 'same_day', to: 'one_working_day', direction: 'lowered' },
      ]);
      expect(result.reviewDueBy).toBe('2026-11-30T17:00:00.000Z');
    });

    it('a change of a within-hours suggestion is reviewed within hours', async () => {
      const contact = await recordContact(t, quietContact({ immediateDanger: true }));
      const res = await decide(t, contact, {
        outcome: 'immediate_protection', urgency: 'same_day', overrideReason: 'other',
        routeChangeReason: 'Police are already at the address and the child is with her grandmother tonight.',
      });
      const result = await body(res);
      expect(result.departures).toEqual([{ kind: 'urgency_changed', from: 'within_hours', to: 'same_day', direction: 'lowered' }]);
      // Four hours from the decision (Saturday 10:00), sooner than the red review timescale (Monday's close).
      expect(result.reviewDueBy).toBe('2026-11-28T14:00:00.000Z');
    });

    it('a route across to one that does as much is still a change', async () => {
      const contact = await recordContact(t, anonymous());
      const res = await decide(t, contact, { route: 's20_accommodation', routeChangeReason: CHANGE_REASON, overrideReason: 'policy' });
      expect((await body(res)).departures).toEqual([{ kind: 'route_changed', from: 's17_assessment', to: 's20_accommodation', direction: 'across' }]);
    });
  });

  describe('error', () => {
    let contact: Json;
    beforeAll(async () => { contact = await recordContact(t, anonymous()); });

    async function expectRefused(input: unknown, paths: string[]) {
      const before = await snapshot(t, contact.id);
      const res = await t.request('POST', `/api/v1/contacts/${contact.id}/decision`, { body: input });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = await body(res);
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
      expect(await snapshot(t, contact.id)).toEqual(before);
      return problem;
    }

    it('a change without a reason names /routeChangeReason (and /overrideReason), saying what changed', async () => {
      const problem = await expectRefused(decision(contact, { route: 'early_help' }), ['/routeChangeReason', '/overrideReason']);
      expect(problem.errors.find((e: Json) => e.path === '/routeChangeReason').message).toContain('route s17_assessment to early_help');
      expect(problem.errors.find((e: Json) => e.path === '/overrideReason').message).toContain('route_changed');
    });

    it('a reason that would not pass as a rationale names /routeChangeReason', async () => {
      for (const routeChangeReason of ['', 'urgent', 'see notes see notes see notes']) {
        const problem = await expectRefused(decision(contact, { urgency: 'same_day', routeChangeReason, overrideReason: 'policy' }), ['/routeChangeReason']);
        expect(problem.errors.find((e: Json) => e.path === '/routeChangeReason').message).toMatch(/reasoning/);
      }
    });

    it('a reason for a change that was not made names /routeChangeReason', async () => {
      await expectRefused(decision(contact, { routeChangeReason: CHANGE_REASON }), ['/routeChangeReason']);
      await expectRefused(decision(contact, { urgency: 'three_working_days', routeChangeReason: CHANGE_REASON }), ['/routeChangeReason']);
    });

    it('an unknown route or urgency names its field', async () => {
      await expectRefused(decision(contact, { route: 'police_protection', urgency: 'tomorrow', routeChangeReason: CHANGE_REASON }), ['/route', '/urgency']);
    });

    it('an unanswered guard prompt is refused before nfa and information and advice', async () => {
      for (const outcome of ['nfa', 'information_advice']) {
        const problem = await expectRefused(decision(contact, { outcome, overrideReason: 'policy', promptResponses: answersWithoutGuards(contact) }), ['/promptResponses']);
        expect(problem.errors.map((e: Json) => e.message)).toContain(`no response to the warning prompt manager_signoff_before_nfa, which must be answered before ${outcome}`);
      }
    });
  });
});

describe('decisions on a triage made without a response table', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ ruleSet: legacyPack() }); });
  afterAll(async () => { await t.close(); });

  it('stand with no route or urgency, and refuse one: the triage suggested none to change', async () => {
    const contact = await recordContact(t, anonymous());
    const refused = await t.request('POST', `/api/v1/contacts/${contact.id}/decision`, {
      body: decision(contact, { route: 'early_help', urgency: 'none', routeChangeReason: CHANGE_REASON }),
    });
    expect(refused.status).toBe(422);
    expect((await body(refused)).errors.map((e: Json) => e.path)).toEqual(['/route', '/urgency', '/routeChangeReason']);
    const res = await decide(t, contact, { outcome: 'early_help' });
    expect(await body(res)).toMatchObject({ contactStatus: 'decided', route: null, urgency: null, routeChangeReason: null });
  });
});
