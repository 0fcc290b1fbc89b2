import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { auditOf, body, decide, recordContact, review, snapshot, type Json } from '../../support/decisions.js';
import { createTestApp, HOME_LA, type TestApp } from '../../support/test-app.js';

const DECLINE_STRATEGY = { strategy_discussion: 'Mother accepts she smacked; no injury was seen by the referrers.' };
const PLANTED = ['Zebedee', 'Quillfeather', 'Ophelia', 'Marchbanks', 'Thornbury', 'Daniel', 'CB-ZEB', '2020-02-10', 'February 2020', 'smack', 'mother', 'plan', 'custody'];

/** The March 2023 contact with names planted where feedback must never reach: the child, the referrer, the narrative. */
function march() {
  const request = structuredClone(seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request);
  request.children[0] = { ...request.children[0]!, givenName: 'Zebedee', familyName: 'Quillfeather', personId: 'CB-ZEB' };
  request.referrer = { ...request.referrer, name: 'Ophelia Marchbanks' };
  request.narrative = `${request.narrative} The caller lives at 12 Thornbury Lane. The father is in custody.`;
  return request;
}

/** Feedback to the referrer: prepared with each decision that stands, in plain words, with no one's personal data. */
describe('referrer feedback on decisions', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const feedbackOf = async (contactId: string, status = 'all', role: 'screener' | 'manager' = 'screener') => {
    const res = await t.request('GET', `/api/v1/referrer-feedback?status=${status}`, { role });
    expect(res.status).toBe(200);
    return (await body(res)).feedback.filter((f: Json) => f.contactId === contactId);
  };
  const feedbackActions = async (contactId: string) => (await auditOf(t, contactId)).filter((a) => a.action.startsWith('referrer_feedback.'));
  async function departed(outcome = 'nfa') {
    const contact = await recordContact(t, march());
    expect((await decide(t, contact, { outcome, overrideReason: 'discretionary' }, DECLINE_STRATEGY)).status).toBe(201);
    return contact;
  }

  describe('happy', () => {
    it('a decision that follows the triage prepares feedback in plain words, with no names, dates of birth or history', async () => {
      const contact = await recordContact(t, march());
      const decided = await body(await decide(t, contact, { outcome: 'strategy_discussion', childSeen: true }));
      const [feedback] = await feedbackOf(contact.id, 'unsent');
      expect(feedback).toMatchObject({
        contactId: contact.id, decisionId: decided.id, reviewId: null, outcome: 'strategy_discussion', referrerSource: '1D',
        referrerGroup: 'non_professional', professional: false, channel: 'phone', status: 'unsent', sentAt: null,
      });
      expect(feedback.message).toMatch(/^Thank you for your referral received on 14 March 2023\. We have decided to hold a strategy discussion with the police and health, to agree together how to keep the children safe\./);
      expect(feedback.message).toContain('We cannot share more about the child or the family');
      for (const planted of PLANTED) expect(feedback.message.toLowerCase()).not.toContain(planted.toLowerCase());
      expect(await feedbackOf(contact.id, 'unsent', 'manager')).toEqual([feedback]);
      expect((await body(await t.request('GET', `/api/v1/referrer-feedback?contactId=${contact.id}`))).feedback).toEqual([feedback]);

      const trail = await auditOf(t, contact.id);
      expect(trail.map((a) => a.action).slice(-2)).toEqual(['contact.decided', 'referrer_feedback.prepared']);
      expect(trail.at(-1)).toMatchObject({ actor_sub: 'screener-1', actor_role: 'screener' });
      expect(trail.at(-1)!.detail).toMatchObject({ feedbackId: feedback.id, decisionId: decided.id, reviewId: null });
      const detail = JSON.stringify(trail.at(-1)!.detail);
      expect(detail).not.toContain('Thank you');
      for (const planted of PLANTED) expect(detail).not.toContain(planted);
    });

    it('a professional referrer is told the outcome and how to challenge it; one child is “the child”', async () => {
      const contact = await recordContact(t, quietContact({ children: [child({ givenName: 'Zebedee' })] }));
      expect((await decide(t, contact, { outcome: 'nfa', promptResponses: [] })).status).toBe(201);
      const [feedback] = await feedbackOf(contact.id);
      expect(feedback).toMatchObject({ referrerSource: '2A', referrerGroup: 'professional', professional: true, channel: 'email', outcome: 'nfa' });
      expect(feedback.message).toBe('Thank you for your referral received on 24 November 2026. We have decided that no further action by children’s social care is needed at this time. '
        + 'If you disagree with this decision, you can raise it through the local escalation procedure. If you have new concerns, contact us again straight away. '
        + 'If you think a child is in immediate danger, call 999.');
    });

    it('a departure prepares none until the manager endorses it; the endorsed outcome is told', async () => {
      const contact = await departed('nfa');
      expect(await feedbackOf(contact.id)).toEqual([]);
      expect(await feedbackActions(contact.id)).toEqual([]);
      const reviewed = await body(await review(t, contact.id, { verdict: 'endorse' }));
      const [feedback] = await feedbackOf(contact.id);
      expect(feedback).toMatchObject({ reviewId: reviewed.id, outcome: 'nfa', status: 'unsent' });
      expect(feedback.message).toContain('no further action by children’s social care is needed');
      const [prepared] = await feedbackActions(contact.id);
      expect(prepared).toMatchObject({ action: 'referrer_feedback.prepared', actor_sub: 'manager-1', actor_role: 'manager' });
      expect(prepared!.detail).toMatchObject({ feedbackId: feedback.id, reviewId: reviewed.id });
    });

    it('an overturn tells the manager’s outcome, not the screener’s', async () => {
      const contact = await departed('nfa');
      expect((await review(t, contact.id, { verdict: 'overturn', outcome: 'assessment_s17' })).status).toBe(201);
      const [feedback] = await feedbackOf(contact.id);
      expect(feedback.outcome).toBe('assessment_s17');
      expect(feedback.message).toContain('We have decided that a social worker will carry out an assessment');
      expect(feedback.message).not.toContain('no further action');
    });

    it('a returned decision prepares none; the decision taken again does', async () => {
      const contact = await departed('nfa');
      expect((await review(t, contact.id, { verdict: 'return' })).status).toBe(201);
      expect(await feedbackOf(contact.id)).toEqual([]);
      expect(await feedbackActions(contact.id)).toEqual([]);
      expect((await decide(t, contact, { outcome: 'strategy_discussion', childSeen: true })).status).toBe(201);
      expect((await feedbackOf(contact.id)).map((f: Json) => f.outcome)).toEqual(['strategy_discussion']);
    });

    it('an anonymous referrer gets none, and the trail says why', async () => {
      const contact = await recordContact(t, quietContact({ referrer: { source: '9' } }));
      const decided = await body(await decide(t, contact, { outcome: 'early_help' }));
      expect(decided.contactStatus).toBe('decided');
      expect(await feedbackOf(contact.id)).toEqual([]);
      const rows = await t.deps.db.selectFrom('referrer_feedback').selectAll().where('contact_id', '=', contact.id).execute();
      expect(rows).toEqual([]);
      const [entry] = await feedbackActions(contact.id);
      expect(entry).toMatchObject({ action: 'referrer_feedback.not_needed' });
      expect(entry!.detail).toMatchObject({ reason: 'anonymous_referrer', decisionId: decided.id, referrerSource: '9' });
    });

    it('a later decision replaces feedback not yet sent: the earlier is marked superseded, in the trail', async () => {
      const contact = await recordContact(t, quietContact());
      // Feedback left unsent from an earlier decision; the lifecycle today decides a contact once, so it is planted.
      const earlier = { id: 'fbk_0000000000000000000000000a', la: HOME_LA, contact_id: contact.id };
      const decision = { id: 'dec_0000000000000000000000000a', contact_id: contact.id, la: earlier.la, sequence: 0, triage_id: contact.triage.id,
        outcome: 'early_help', rationale: 'x', prompt_responses: '[]', override_reason: null, child_seen: false, child_spoken_to: false,
        departures: '[]', review_due_by: null, decided_by: 'screener-0', decided_at: '2026-11-27T10:00:00Z' };
      await t.deps.db.insertInto('decisions').values(decision).execute();
      await t.deps.db.insertInto('referrer_feedback').values({
        ...earlier, decision_id: decision.id, review_id: null, outcome: 'early_help', referrer_source: '2A', referrer_group: 'professional',
        channel: 'email', message: 'Earlier message.', status: 'unsent', created_at: '2026-11-27T10:00:00Z',
      }).execute();

      expect((await decide(t, contact, { outcome: 'nfa', promptResponses: [] })).status).toBe(201);
      const all = await feedbackOf(contact.id, 'all');
      const later = all.find((f: Json) => f.id !== earlier.id);
      expect(all.find((f: Json) => f.id === earlier.id)).toMatchObject({ status: 'superseded', supersededBy: later.id, supersededAt: '2026-11-28T10:00:00.000Z' });
      expect(later).toMatchObject({ status: 'unsent', outcome: 'nfa' });
      expect((await feedbackOf(contact.id, 'unsent')).map((f: Json) => f.id)).toEqual([later.id]);
      expect((await feedbackActions(contact.id)).map((a) => [a.action, a.detail.feedbackId])).toEqual([
        ['referrer_feedback.superseded', earlier.id], ['referrer_feedback.prepared', later.id],
      ]);
      const res = await t.request('POST', `/api/v1/referrer-feedback/${earlier.id}/sent`, { body: { sentVia: 'email' } });
      expect(res.status).toBe(409);
    });
  });

  describe('error', () => {
    async function withFeedbackRefused(run: () => Promise<void>) {
      await sql`create function test_refuse() returns trigger language plpgsql as $$ begin raise exception 'store unavailable'; end $$`.execute(t.deps.db);
      await sql`create trigger test_refuse before insert on referrer_feedback for each row execute function test_refuse()`.execute(t.deps.db);
      try {
        await run();
      } finally {
        await sql`drop trigger test_refuse on referrer_feedback`.execute(t.deps.db);
        await sql`drop function test_refuse()`.execute(t.deps.db);
      }
    }

    it('feedback that cannot be stored rolls the decision back with it: one transaction', async () => {
      const contact = await recordContact(t, quietContact());
      const before = await snapshot(t, contact.id);
      await withFeedbackRefused(async () => {
        expect((await decide(t, contact, { outcome: 'nfa', promptResponses: [] })).status).toBe(500);
      });
      expect(await snapshot(t, contact.id)).toEqual(before);
      expect(await feedbackOf(contact.id)).toEqual([]);
      expect((await decide(t, contact, { outcome: 'nfa', promptResponses: [] })).status).toBe(201);
      expect(await feedbackOf(contact.id)).toHaveLength(1);
    });
  });
});
