import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oversight from '../../../src/db/migrations/2026-11-28-07-oversight.js';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { runContact } from '../../support/closed-contacts.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const stamps = (t: TestApp) => t.deps.db.selectFrom('contacts')
  .select(['id', 'status', 'final_outcome', 'overridden', 'decided_by', 'youngest_age_months']).orderBy('status').orderBy('decided_by').execute();

/** Contacts closed before the migration get the same stamp as those closed after it. */
describe('the oversight migration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await runContact(t, { input: quietContact(), screener: 'anna', outcome: 'assessment_s17', closeAt: '2026-11-25T12:00:00Z' });
    t.clock.set('2026-11-25T12:00:00Z');
    await runContact(t, {
      input: seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request, screener: 'ben', outcome: 'nfa', overrideReason: 'discretionary',
      declined: { strategy_discussion: 'Mother accepts she smacked; no injury was seen by the referrers.' },
      review: { verdict: 'overturn', outcome: 'strategy_discussion' }, closeAt: '2026-11-26T12:00:00Z',
    });
    await runContact(t, { input: quietContact(), screener: 'anna', outcome: 'nfa' });
  });
  afterAll(async () => { await t.close(); });

  it('backfills closed contacts exactly as closing stamps them, and leaves open ones unstamped', async () => {
    const atClose = await stamps(t);
    expect(atClose.map((s) => [s.status, s.final_outcome, s.overridden, s.decided_by, s.youngest_age_months])).toEqual([
      ['closed', 'assessment_s17', false, 'anna', 74],
      ['closed', 'strategy_discussion', true, 'ben', 6],
      ['decided', null, null, null, null],
    ]);
    await oversight.down(t.deps.db);
    await oversight.up(t.deps.db);
    expect(await stamps(t)).toEqual(atClose);
  });
});
