import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { body, decide, decision, recordContact, review, snapshot, type Json } from '../../support/decisions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const march = () => seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request;

/** Each refusal is a problem naming what is wrong, and nothing about the contact changes. */
describe('decisions and reviews: refusals', () => {
  let t: TestApp;
  let red: Json;
  beforeAll(async () => {
    t = await createTestApp();
    red = await recordContact(t, march());
  });
  afterAll(async () => { await t.close(); });

  async function expectRefused(contactId: string, send: () => Promise<Response>, status: number, paths: string[] = []) {
    const before = await snapshot(t, contactId);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await body(res);
    expect(problem.status).toBe(status);
    for (const path of paths) expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await snapshot(t, contactId)).toEqual(before);
    return problem;
  }

  const post = (contactId: string, input: unknown) => () => t.request('POST', `/api/v1/contacts/${contactId}/decision`, { body: input });

  it('an empty, short or boilerplate rationale names /rationale', async () => {
    for (const rationale of ['', 'NFA', 'no further action', 'nfa nfa nfa nfa nfa nfa nfa nfa']) {
      const problem = await expectRefused(red.id, post(red.id, decision(red, { outcome: 'strategy_discussion', rationale })), 422, ['/rationale']);
      expect(problem.errors.find((e: { path: string }) => e.path === '/rationale').message).toMatch(/reasoning/);
    }
  });

  it('a missing response names each missing action; guard prompts are missing only before nfa or information and advice', async () => {
    const unanswered = red.triage.prompts.filter((p: { indicator: string; action: string }) => p.indicator !== 'info' && p.action !== 'strategy_discussion')
      .map((p: { action: string }) => p.action);
    const guards = ['household_checks', 'speak_to_referrer', 'manager_signoff_before_nfa', 'request_evidence'];
    expect(unanswered.filter((a: string) => guards.includes(a)).length).toBeGreaterThan(0);
    const messagesFor = async (outcome: string, overrideReason?: string) => {
      const input = decision(red, { outcome, ...(overrideReason ? { overrideReason } : {}), promptResponses: [{ action: 'strategy_discussion', response: 'accepted' }] });
      const problem = await expectRefused(red.id, post(red.id, input), 422, ['/promptResponses']);
      return problem.errors.filter((e: { path: string }) => e.path === '/promptResponses').map((e: { message: string }) => e.message).join('\n');
    };
    const open = await messagesFor('strategy_discussion');
    for (const action of unanswered) expect(open.includes(action), action).toBe(!guards.includes(action));
    const closing = await messagesFor('nfa', 'policy');
    for (const action of unanswered) expect(closing).toContain(action);
  });

  it('a response to an action that was not prompted is refused', async () => {
    const input = decision(red, { outcome: 'strategy_discussion' });
    input.promptResponses.push({ action: 'pre_birth_assessment', response: 'accepted' });
    await expectRefused(red.id, post(red.id, input), 422, [`/promptResponses/${input.promptResponses.length - 1}/action`]);
  });

  it('a declined prompt needs a reason; an action answered twice is refused', async () => {
    const declined = decision(red, { outcome: 'strategy_discussion' });
    declined.promptResponses[0] = { action: declined.promptResponses[0]!.action, response: 'declined' };
    await expectRefused(red.id, post(red.id, declined), 422, ['/promptResponses/0/reason']);
    const twice = decision(red, { outcome: 'strategy_discussion' });
    twice.promptResponses.push(twice.promptResponses[0]!);
    await expectRefused(red.id, post(red.id, twice), 422, [`/promptResponses/${twice.promptResponses.length - 1}/action`]);
  });

  it('a departure without an override reason names /overrideReason', async () => {
    const problem = await expectRefused(red.id, post(red.id, decision(red, { outcome: 'nfa' })), 422, ['/overrideReason']);
    expect(problem.errors[0].message).toContain('nfa_on_red');
  });

  it('an unknown outcome, or no word on whether the child was seen, is refused', async () => {
    await expectRefused(red.id, post(red.id, decision(red, { outcome: 'closed' })), 422, ['/outcome']);
    const { childSeen: _s, ...withoutSeen } = decision(red, { outcome: 'strategy_discussion' });
    await expectRefused(red.id, post(red.id, withoutSeen), 422, ['/childSeen']);
  });

  it('an unknown contact is 404', async () => {
    const missing = 'con_00000000000000000000000000';
    const res = await t.request('POST', `/api/v1/contacts/${missing}/decision`, { body: decision(red, { outcome: 'strategy_discussion' }) });
    expect(res.status).toBe(404);
  });

  it('a second decision is 409 naming the current status, whether decided or awaiting review', async () => {
    const decided = await recordContact(t, quietContact());
    expect((await decide(t, decided, { outcome: 'nfa', promptResponses: [] })).status).toBe(201);
    const problem = await expectRefused(decided.id, () => decide(t, decided, { outcome: 'early_help', promptResponses: [] }), 409);
    expect(problem).toMatchObject({ currentStatus: 'decided', detail: expect.stringContaining('decided') });

    const flagged = await recordContact(t, march());
    expect((await decide(t, flagged, { outcome: 'nfa', overrideReason: 'policy' })).status).toBe(201);
    expect(await expectRefused(flagged.id, () => decide(t, flagged, { outcome: 'strategy_discussion' }), 409)).toMatchObject({ currentStatus: 'awaiting_review' });
  });

  it('review: no If-Match is 428, a stale one 412, and a contact not awaiting review 409', async () => {
    const flagged = await recordContact(t, march());
    await decide(t, flagged, { outcome: 'nfa', overrideReason: 'policy' });
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'endorse' }, { ifMatch: null }), 428);
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'endorse' }, { ifMatch: '*' }), 428);
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'endorse' }, { ifMatch: `"${flagged.id}-1"` }), 412);
    const undecided = await recordContact(t, march());
    expect(await expectRefused(undecided.id, () => review(t, undecided.id, { verdict: 'endorse' }), 409)).toMatchObject({ currentStatus: 'awaiting_decision' });
  });

  it('review: overturn needs a different outcome; endorse and return take none; the rationale is required', async () => {
    const flagged = await recordContact(t, march());
    await decide(t, flagged, { outcome: 'nfa', overrideReason: 'policy' });
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'overturn' }), 422, ['/outcome']);
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'overturn', outcome: 'nfa' }), 422, ['/outcome']);
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'endorse', outcome: 'nfa' }), 422, ['/outcome']);
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'return', rationale: 'ok' }), 422, ['/rationale']);
  });

  it('close: only once decided; a closed contact takes no decision, review or second close', async () => {
    const open = await recordContact(t, march());
    expect(await expectRefused(open.id, () => t.request('POST', `/api/v1/contacts/${open.id}/close`), 409)).toMatchObject({ currentStatus: 'awaiting_decision' });
    const flagged = await recordContact(t, march());
    await decide(t, flagged, { outcome: 'nfa', overrideReason: 'policy' });
    expect(await expectRefused(flagged.id, () => t.request('POST', `/api/v1/contacts/${flagged.id}/close`), 409)).toMatchObject({ currentStatus: 'awaiting_review' });
    await review(t, flagged.id, { verdict: 'endorse' });
    expect((await t.request('POST', `/api/v1/contacts/${flagged.id}/close`)).status).toBe(200);
    expect(await expectRefused(flagged.id, () => t.request('POST', `/api/v1/contacts/${flagged.id}/close`), 409)).toMatchObject({ currentStatus: 'closed' });
    await expectRefused(flagged.id, () => decide(t, flagged, { outcome: 'strategy_discussion' }), 409);
    await expectRefused(flagged.id, () => review(t, flagged.id, { verdict: 'return' }), 409);
  });

  async function withAuditRefused(run: () => Promise<void>) {
    const { sql } = await import('kysely');
    const db = t.deps.db;
    await sql`create function test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`.execute(db);
    await sql`create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()`.execute(db);
    try {
      await run();
    } finally {
      await sql`drop trigger test_refuse_audit on audit_log`.execute(db);
      await sql`drop function test_refuse_audit()`.execute(db);
    }
  }

  it('a failed audit write rolls the decision back: no decision row, status and version unchanged', async () => {
    const contact = await recordContact(t, march());
    await withAuditRefused(() => expectRefused(contact.id, () => decide(t, contact, { outcome: 'strategy_discussion' }), 500).then(() => undefined));
    expect(await snapshot(t, contact.id)).toMatchObject({ decisions: 0, contact: { status: 'awaiting_decision', version: 1 } });
    expect((await decide(t, contact, { outcome: 'strategy_discussion' })).status).toBe(201);
  });

  it('a failed audit write rolls the review back: no review row, still awaiting review at the same version', async () => {
    const contact = await recordContact(t, march());
    await decide(t, contact, { outcome: 'nfa', overrideReason: 'policy' });
    await withAuditRefused(() => expectRefused(contact.id, () => review(t, contact.id, { verdict: 'endorse' }), 500).then(() => undefined));
    expect(await snapshot(t, contact.id)).toMatchObject({ reviews: 0, contact: { status: 'awaiting_review', version: 2 } });
    expect((await review(t, contact.id, { verdict: 'endorse' })).status).toBe(201);
  });
});
