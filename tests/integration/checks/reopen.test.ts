import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact } from '../../fixtures/contacts.js';
import { json, PARTNER_ENV, START_UP_MS } from '../../support/partners.js';
import { WITHOUT_CONSENT } from '../../support/sharing.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * A pack where a current child protection plan is itself critical, so that a
 * partner's answer can raise a critical prompt after a decision stands.
 */
function packWithCriticalPlanRule(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mash-rules-'));
  cpSync('rules', dir, { recursive: true });
  writeFileSync(join(dir, 'current-plan-new-concern.json'), JSON.stringify({
    id: 'current-plan-new-concern',
    summary: 'A new concern about a child already on a protection plan',
    weight: 20,
    conditions: { all: [{ fact: 'cpPlanCurrent', operator: 'equal', value: true }] },
    prompts: [{ action: 'strategy_discussion', indicator: 'critical' }],
    rationale: 'A child in this contact is on a child protection plan now: any new concern goes to a strategy discussion.',
    sources: ['A local protocol, for this test'],
  }));
  return dir;
}

describe('a decision that stands, when a partner’s answer raises a critical prompt', () => {
  const server = setupServer();
  let t: TestApp;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    t = await createTestApp({ env: { ...PARTNER_ENV, MASH_RULES_DIR: packWithCriticalPlanRule() }, now: '2026-11-24T10:00:00Z' });
  }, START_UP_MS);
  afterAll(async () => { await t.close(); server.close(); });

  it('is reopened for a new decision, due at once, with the first decision kept and the reason in the trail', async () => {
    // Physical punishment by an unchecked new partner: under pack 2026.12.1 household checks (unchecked-adult) and nothing
    // else; an unchecked adult with no concern raises nothing. Early help, so no duty to speak with the child is added.
    const created = await json(await t.request('POST', '/api/v1/contacts', {
      body: quietContact({
        adults: [{ role: 'partner', livesWithChild: true, checksCompleted: false }],
        physicalPunishmentReported: true,
        narrative: 'The mother told staff her new partner hit the child on the leg for misbehaving at the weekend; no mark seen.',
      }),
    }));
    expect(created.triage.prompts.map((p: { action: string }) => p.action)).toEqual(['household_checks']);
    const decided = await t.request('POST', `/api/v1/contacts/${created.id}/decision`, {
      body: {
        outcome: 'assessment_s17', rationale: 'Checks on the new partner are under way; an assessment will look at the household.',
        promptResponses: [{ action: 'household_checks', response: 'accepted' }], childSeen: false, childSpokenTo: false,
      },
    });
    expect(decided.status).toBe(201);
    expect((await json(decided)).contactStatus).toBe('decided');

    const [child] = await t.deps.db.selectFrom('contact_children').select('id').where('contact_id', '=', created.id).execute();
    const check = await t.deps.db.selectFrom('checks').selectAll().where('contact_id', '=', created.id).where('partner', '=', 'police').executeTakeFirstOrThrow();
    t.clock.advance(2 * 3_600_000);
    const answered = await t.request('POST', `/api/v1/checks/${check.id}/response`, {
      body: { respondedAt: '2026-11-24T11:30:00Z', receivedVia: 'phone', respondent: { organisation: 'Police' }, summary: 'The child is on a plan.', findings: [{ person: child!.id, cpPlanCurrent: true }], sharing: WITHOUT_CONSENT },
    });
    expect(answered.status).toBe(200);

    const contact = await t.deps.db.selectFrom('contacts').select(['status', 'decision_due_by']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(contact.status).toBe('awaiting_decision');
    expect(new Date(contact.decision_due_by).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    const reopened = await t.deps.db.selectFrom('audit_log').selectAll().where('contact_id', '=', created.id).where('action', '=', 'contact.reopened').executeTakeFirstOrThrow();
    expect(reopened.detail).toMatchObject({ statusBefore: 'decided', statusAfter: 'awaiting_decision', newCriticalPrompts: ['strategy_discussion'], cause: { checkId: check.id } });

    // The screener decides again, against the new triage; the first decision stays as it was.
    const latest = await t.deps.db.selectFrom('triages').select('prompts').where('contact_id', '=', created.id).orderBy('sequence', 'desc').executeTakeFirstOrThrow();
    const toAnswer = (latest.prompts as { action: string; indicator: string }[]).filter((p) => p.indicator !== 'info');
    const again = await t.request('POST', `/api/v1/contacts/${created.id}/decision`, {
      body: {
        outcome: 'strategy_discussion', rationale: 'The police report a current plan: a strategy discussion is needed now.',
        promptResponses: toAnswer.map((p) => ({ action: p.action, response: 'accepted' })), childSeen: false, childSpokenTo: false,
      },
    });
    expect(again.status).toBe(201);
    const decisions = await t.deps.db.selectFrom('decisions').select(['sequence', 'outcome']).where('contact_id', '=', created.id).orderBy('sequence').execute();
    expect(decisions).toEqual([{ sequence: 1, outcome: 'assessment_s17' }, { sequence: 2, outcome: 'strategy_discussion' }]);
  });

  it('a decision that already answered a critical strategy discussion prompt is not reopened by it', async () => {
    const { newCriticalPrompts } = await import('../../../src/domain/checks/reopen-decision.js');
    expect(newCriticalPrompts([{ action: 'strategy_discussion', indicator: 'critical' }], [{ action: 'strategy_discussion', indicator: 'critical' }])).toEqual([]);
    expect(newCriticalPrompts([{ action: 'strategy_discussion', indicator: 'warning' }], [{ action: 'strategy_discussion', indicator: 'critical' }])).toEqual(['strategy_discussion']);
  });
});
