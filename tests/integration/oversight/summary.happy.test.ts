import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseOversight } from '../../../src/domain/oversight/summarise-oversight.js';
import { OversightQuery } from '../../../src/schemas/oversight.schema.js';
import { child, quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { runContact } from '../../support/closed-contacts.js';
import { recordContact, type Json } from '../../support/decisions.js';
import { createTestApp, HOME_LA, OTHER_LA, type TestApp } from '../../support/test-app.js';

const NHS = '9434765919';
const CLOSE = '2026-11-27T12:00:00Z';
const DECIDE = '2026-11-24T12:00:00Z';
const person = (personId: string, ethnicity?: string, extra: Record<string, unknown> = {}) =>
  [child({ personId, ...(ethnicity ? { ethnicity } : {}), ...extra } as never)];
const anonymousReport = { referrer: { source: '9' as const }, concerns: ['18C' as const], narrative: 'An anonymous caller says the child’s stepfather throws him about when he has been drinking.' };

/**
 * The week of Mon 23 – Fri 27 November 2026 (5 working days). Eight contacts received in it, all closed on the 27th:
 *   Q1 P-1 WBRI  anna nfa                 (P-1 comes back on the 28th)
 *   Q2 P-2 WBRI  anna nfa
 *   Q3 P-3 WBRI  anna s17
 *   Q4 P-4 ABAN  anna nfa                 (NHS number comes back on the 28th under another person id)
 *   Q5 P-5 —     anna early help, decided on the 26th: after its due time (25th 17:00)
 *   A1 anonymous amber, P-6 WBRI, anna nfa declining multi_agency_review → departs, manager-1 endorses
 *   A2 anonymous amber, P-7 —, anna early help
 *      (pack 2026.12.1: an anonymous caller alone is green and raises only manager sign-off, so A1 and A2 report
 *      physical abuse (18C) of a six-year-old: amber, a child-in-need assessment within one working day, with the
 *      multi-agency review raised by anonymous-referrer-harm alone — a rule that does not fire on M1)
 *   M1 the March contact re-dated (red, non-professional, two MWAS children), ben nfa declining the
 *      strategy discussion → departs, manager-2 overturns to a strategy discussion
 * Outside: a contact of 20 November decided that day by carol, and one of another authority.
 */
describe('GET /api/v1/oversight/summary', () => {
  let t: TestApp;
  let m1: Json;
  let summary: Json;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-20T12:00:00Z');
    await runContact(t, { input: quietContact({ receivedAt: '2026-11-20T10:00:00Z', children: person('P-50') }), screener: 'carol', outcome: 'nfa', closeAt: '2026-11-20T13:00:00Z' });
    const plans = [
      { input: quietContact({ children: person('P-1', 'WBRI') }), screener: 'anna', outcome: 'nfa' },
      { input: quietContact({ children: person('P-2', 'WBRI') }), screener: 'anna', outcome: 'nfa' },
      { input: quietContact({ children: person('P-3', 'WBRI') }), screener: 'anna', outcome: 'assessment_s17' },
      { input: quietContact({ children: person('P-4', 'ABAN', { nhsNumber: NHS }) }), screener: 'anna', outcome: 'nfa' },
      { input: quietContact({ children: person('P-5') }), screener: 'anna', outcome: 'early_help', decideAt: '2026-11-26T10:00:00Z' },
      {
        input: quietContact({ ...anonymousReport, children: person('P-6', 'WBRI') }), screener: 'anna', outcome: 'nfa', overrideReason: 'discretionary',
        declined: { multi_agency_review: 'Anonymous and uncorroborated; checks already made with the school.' }, review: { verdict: 'endorse' as const, manager: 'manager-1' },
      },
      { input: quietContact({ ...anonymousReport, children: person('P-7') }), screener: 'anna', outcome: 'early_help' },
    ];
    for (const plan of plans) {
      t.clock.set(DECIDE);
      await runContact(t, { ...plan, closeAt: CLOSE });
    }
    t.clock.set(DECIDE);
    const march = { ...seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request, receivedAt: '2026-11-24T09:00:00Z' };
    m1 = await runContact(t, {
      input: march, screener: 'ben', outcome: 'nfa', overrideReason: 'discretionary',
      declined: { strategy_discussion: 'Mother accepts she smacked; no injury was seen by the referrers.' },
      review: { verdict: 'overturn', outcome: 'strategy_discussion', manager: 'manager-2' }, closeAt: CLOSE,
    });
    t.clock.set('2026-11-28T10:00:00Z');
    await recordContact(t, quietContact({ receivedAt: '2026-11-28T09:00:00Z', children: person('P-1', 'WBRI') }));
    await recordContact(t, quietContact({ receivedAt: '2026-11-28T09:30:00Z', children: person('P-99', undefined, { nhsNumber: NHS }) }));
    await t.request('POST', '/api/v1/contacts', { body: quietContact(), la: OTHER_LA });
    const res = await t.request('GET', '/api/v1/oversight/summary?from=2026-11-23&to=2026-11-27', { role: 'manager' });
    expect(res.status).toBe(200);
    summary = await res.json();
  });
  afterAll(async () => { await t.close(); });

  it('counts the week’s contacts by priority and by what stood, and the late decisions', () => {
    expect(summary).toMatchObject({ from: '2026-11-23', to: '2026-11-27', workingDays: 5, smallNumberThreshold: 5 });
    expect(summary.contacts).toEqual({
      total: 8,
      byPriority: { red: { count: 1, smallNumber: true }, amber: { count: 2, smallNumber: true }, green: { count: 5, smallNumber: false } },
      byFinalOutcome: {
        assessment_s17: { count: 1, smallNumber: true }, early_help: { count: 2, smallNumber: true },
        nfa: { count: 4, smallNumber: true }, strategy_discussion: { count: 1, smallNumber: true },
      },
      decidedLate: { count: 1, total: 8, share: 0.125, smallNumber: true },
    });
  });

  it('NFA shares by referrer group and by the children’s ethnicity, with the missing share', () => {
    expect(summary.nfa).toEqual({
      closed: 8,
      byReferrerGroup: {
        professional: { count: 3, total: 5, share: 0.6, smallNumber: true },
        non_professional: { count: 0, total: 1, share: 0, smallNumber: true },
        anonymous: { count: 1, total: 2, share: 0.5, smallNumber: true },
        unknown: { count: 0, total: 0, share: null, smallNumber: true },
      },
      byEthnicity: {
        ABAN: { count: 1, total: 1, share: 1, smallNumber: true },
        MWAS: { count: 0, total: 1, share: 0, smallNumber: true },
        WBRI: { count: 3, total: 4, share: 0.75, smallNumber: true },
        missing: { count: 0, total: 2, share: 0, smallNumber: true },
      },
      ethnicityMissing: { count: 2, total: 9, share: 0.2222, smallNumber: true },
    });
  });

  it('re-contact after NFA: by person id (Q1) and by NHS number (Q4), of four NFAs', () => {
    expect(summary.recontactWithin12MonthsOfNfa).toEqual({ count: 2, total: 4, share: 0.5, smallNumber: true });
  });

  it('override rate per rule: a declined prompt counts against every rule that raised it', () => {
    const byRule = Object.fromEntries(summary.overrideRateByRule.map((r: Json) => [r.rule, r]));
    // Pack 2026.12.1: the multi-agency review A1 declined is raised by anonymous-referrer-harm (fired on A1 and A2), and
    // anonymous-referrer raises only the manager sign-off, which nobody declined: 1 of 2, and 0 of 2.
    expect(byRule['anonymous-referrer-harm']).toEqual({ rule: 'anonymous-referrer-harm', count: 1, total: 2, share: 0.5, smallNumber: true });
    expect(byRule['anonymous-referrer']).toEqual({ rule: 'anonymous-referrer', count: 0, total: 2, share: 0, smallNumber: true });
    const strategy = m1.triage.prompts.find((p: Json) => p.action === 'strategy_discussion');
    expect(strategy.raisedBy.length).toBeGreaterThan(0);
    for (const rule of strategy.raisedBy) expect(byRule[rule]).toMatchObject({ count: 1, total: 1, share: 1 });
    const firedOnM1 = m1.triage.rules.filter((r: Json) => r.fired).map((r: Json) => r.id);
    for (const rule of firedOnM1.filter((r: string) => !strategy.raisedBy.includes(r) && r !== 'anonymous-referrer-harm')) {
      expect(byRule[rule]).toMatchObject({ count: 0 });
    }
  });

  it('per screener: the share of decisions with departures, and decisions per working day', () => {
    expect(summary.screeners).toEqual([
      { screener: 'anna', decisions: 7, withDepartures: { count: 1, total: 7, share: 0.1429, smallNumber: true }, perWorkingDay: 1.4 },
      { screener: 'ben', decisions: 1, withDepartures: { count: 1, total: 1, share: 1, smallNumber: true }, perWorkingDay: 0.2 },
    ]);
  });

  it('per manager: reviews by verdict and per working day', () => {
    expect(summary.managers).toEqual([
      { manager: 'manager-1', reviews: { count: 1, smallNumber: true }, endorse: 1, overturn: 0, return: 0, perWorkingDay: 0.2 },
      { manager: 'manager-2', reviews: { count: 1, smallNumber: true }, endorse: 0, overturn: 1, return: 0, perWorkingDay: 0.2 },
    ]);
  });

  it('is plain JSON a page can render as it is, and an auditor may read it too', async () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const res = await t.request('GET', '/api/v1/oversight/summary?from=2026-11-23&to=2026-11-27', { role: 'auditor' });
    expect(await res.json()).toMatchObject({ contacts: { total: 8 } });
  });

  it('the verb itself returns plain JSON, equal to what the route sends', async () => {
    const ctx = { deps: t.deps, actor: { sub: 'manager-1', role: 'manager' as const, la: HOME_LA }, requestId: 'req_test' };
    const direct = await summariseOversight({ ctx, query: OversightQuery.parse({ from: '2026-11-23', to: '2026-11-27' }) });
    expect(JSON.parse(JSON.stringify(direct))).toEqual(direct);
    expect(direct).toEqual(summary);
  });
});
