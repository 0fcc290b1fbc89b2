import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { runContact } from '../../support/closed-contacts.js';
import { body, type Json } from '../../support/decisions.js';
import { team } from '../../support/second-opinions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const DECLINE = { strategy_discussion: 'Mother accepts she smacked once; no injury was seen and the school has no worries.' };

/** The March 2023 contact about one child, received when given: red, with a strategy discussion prompted. */
function march(personId: string, receivedAt: string) {
  const request = structuredClone(seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request);
  request.receivedAt = receivedAt;
  request.children = request.children.map((c, i) => ({ ...c, personId: `${personId}-${i}` }));
  return request;
}
const quiet = (personId: string, receivedAt: string) => quietContact({ receivedAt, children: [child({ personId })] });

describe('screening outcomes of no-action contacts', () => {
  let t: TestApp;
  let summary: Json;
  beforeAll(async () => {
    t = await createTestApp();
    await team(t, ['anna'], { name: 'Front door A' });
    // A: NFA on a red contact, the strategy discussion declined and endorsed; the child is back within two months and it ends in a strategy discussion.
    t.clock.set('2025-01-10T10:00:00Z');
    await runContact(t, { input: march('P-A', '2025-01-10T09:00:00Z'), screener: 'anna', outcome: 'nfa', declined: DECLINE, overrideReason: 'discretionary', review: { verdict: 'endorse' }, closeAt: '2025-01-11T10:00:00Z' });
    t.clock.set('2025-03-01T10:00:00Z');
    await runContact(t, { input: march('P-A', '2025-03-01T09:00:00Z'), screener: 'bob', outcome: 'strategy_discussion', closeAt: '2025-03-02T10:00:00Z' });
    // B: advice, never back.
    t.clock.set('2025-02-01T10:00:00Z');
    await runContact(t, { input: quiet('P-B', '2025-02-01T09:00:00Z'), screener: 'bob', outcome: 'information_advice', closeAt: '2025-02-01T12:00:00Z' });
    // C: NFA this autumn: its windows have not passed.
    t.clock.set('2026-10-01T10:00:00Z');
    await runContact(t, { input: quiet('P-C', '2026-10-01T09:00:00Z'), screener: 'anna', outcome: 'nfa', closeAt: '2026-10-01T12:00:00Z' });
    t.clock.set('2026-11-28T10:00:00Z');
    const res = await t.request('GET', '/api/v1/screening-outcomes?from=2025-01-01&to=2026-11-28', { role: 'auditor' });
    expect(res.status).toBe(200);
    summary = await body(res);
  });
  afterAll(async () => { await t.close(); });

  it('counts a family back within six and twelve months only once the window has passed, beside the national rate', () => {
    expect(summary).toMatchObject({ closedNoAction: 3, pending: { within6Months: 1, within12Months: 1 }, national: { rereferralRate: 0.22 } });
    expect(summary.overall).toEqual({
      within6Months: { count: 1, total: 2, share: 0.5, smallNumber: true },
      within12Months: { count: 1, total: 2, share: 0.5, smallNumber: true },
    });
  });

  it('by rule fired, declined prompt, screener and team', () => {
    const strategy = summary.byDeclinedPrompt.find((r: Json) => r.action === 'strategy_discussion');
    expect(strategy.within12Months).toMatchObject({ count: 1, total: 1 });
    expect(summary.byDeclinedPrompt.find((r: Json) => r.action === 'none declined').within12Months).toMatchObject({ count: 0, total: 1 });
    expect(summary.byScreener).toEqual([
      { screener: 'anna', within6Months: expect.objectContaining({ count: 1, total: 1 }), within12Months: expect.objectContaining({ count: 1, total: 1 }) },
      { screener: 'bob', within6Months: expect.objectContaining({ count: 0, total: 1 }), within12Months: expect.objectContaining({ count: 0, total: 1 }) },
    ]);
    expect(summary.byTeam.map((r: Json) => [r.team, r.within12Months.total])).toEqual([['Front door A', 1], ['no team', 1]]);
    expect(summary.byRule.length).toBeGreaterThan(0);
    expect(summary.byRule.every((r: Json) => r.within12Months.smallNumber)).toBe(true);
  });

  it('an override not borne out: the declined strategy discussion, when the child came back and a strategy discussion followed', () => {
    expect(summary.overriddenPrompts).toEqual([{
      action: 'strategy_discussion', overridden: 1, borneOut: 0, notBorneOut: 1, pending: 0,
      notBorneOutShare: { count: 1, total: 1, share: 1, smallNumber: true },
    }]);
  });

  it('is for managers and auditors; a bad period names its field', async () => {
    expect((await t.request('GET', '/api/v1/screening-outcomes?from=2025-01-01&to=2025-02-01', { role: 'screener' })).status).toBe(403);
    const bad = await t.request('GET', '/api/v1/screening-outcomes?from=2025-02-01&to=2025-01-01', { role: 'manager' });
    expect(bad.status).toBe(400);
    expect((await body(bad)).errors).toEqual([{ path: '/to', message: 'is before from' }]);
  });
});
