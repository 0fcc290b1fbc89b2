import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { decide, recordContact, type Json } from '../../support/decisions.js';
import { createTestApp, legacyPack, responsePack, type TestApp } from '../../support/test-app.js';

const DECIDE = '2026-11-24T12:00:00Z';
const REASON = 'Spoke to the health visitor and the school; they see it differently, for reasons recorded on file.';
const quiet = () => quietContact();
const anonymous = () => quietContact({ referrer: { source: '9' } });
const march = () => ({ ...seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request, receivedAt: '2026-11-24T09:00:00Z' });

/**
 * The week of Mon 23 – Fri 27 November 2026. Suggestions in the response table:
 * quiet → advice_signpost / none; anonymous → s17_assessment / three_working_days; March → s47_strategy / same_day.
 *   1 anna  quiet      keeps
 *   2 anna  quiet      keeps
 *   3 anna  anonymous  urgency → one_working_day          urgency raised
 *   4 anna  anonymous  route → early_help                 route lowered
 *   5 anna  anonymous  route → s20_accommodation          route across
 *   6 ben   March      route → s17, urgency → one day     route lowered, urgency lowered
 *   7 ben   March      keeps
 *   8 ben   quiet      route → early_help, urgency → three_working_days   route raised, urgency raised
 * Left out: carol's change decided on 20 November (outside), and dora's decision on a triage made
 * by a pack without a response table (in the week, but with nothing suggested to change).
 * So of 8 decisions: changed 5; route changed 4 (raised 1, lowered 2, across 1); urgency changed 3 (raised 2, lowered 1).
 * anna: 5 decisions, changed 3, route 2 (lowered 1, across 1), urgency 1 (raised 1).
 * ben: 3 decisions, changed 2, route 2 (raised 1, lowered 1), urgency 2 (raised 1, lowered 1).
 */
describe('oversight: changes to the suggested route and urgency', () => {
  let legacy: TestApp;
  let t: TestApp;
  let summary: Json;

  beforeAll(async () => {
    legacy = await createTestApp({ now: DECIDE, ruleSet: legacyPack() });
    const old = await recordContact(legacy, quiet(), 'dora');
    expect((await decide(legacy, old, { outcome: 'nfa', promptResponses: [] }, {}, 'dora')).status).toBe(201);

    t = await createTestApp({ database: legacy.database, ruleSet: responsePack(), now: '2026-11-20T12:00:00Z' });
    const outside = await recordContact(t, quietContact({ receivedAt: '2026-11-20T10:00:00Z' }), 'carol');
    expect((await decide(t, outside, { outcome: 'early_help', route: 'early_help', routeChangeReason: REASON, overrideReason: 'policy', promptResponses: [] }, {}, 'carol')).status).toBe(201);

    t.clock.set(DECIDE);
    const change = (extra: Record<string, unknown>) => ({ ...extra, routeChangeReason: REASON, overrideReason: 'discretionary' });
    const plans: [string, () => ReturnType<typeof quietContact>, Record<string, unknown>, Record<string, string>?][] = [
      ['anna', quiet, { outcome: 'nfa' }],
      ['anna', quiet, { outcome: 'information_advice' }],
      ['anna', anonymous, change({ urgency: 'one_working_day' })],
      ['anna', anonymous, change({ route: 'early_help', outcome: 'early_help' })],
      ['anna', anonymous, change({ route: 's20_accommodation' })],
      ['ben', march, change({ route: 's17_assessment', urgency: 'one_working_day' }), { strategy_discussion: 'A single smack, admitted; no injury: an assessment is enough.' }],
      ['ben', march, { outcome: 'strategy_discussion' }],
      ['ben', quiet, change({ route: 'early_help', urgency: 'three_working_days', outcome: 'early_help' })],
    ];
    for (const [screener, input, overrides, declined] of plans) {
      const contact = await recordContact(t, input(), screener);
      const res = await decide(t, contact, overrides, declined ?? {}, screener);
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const res = await t.request('GET', '/api/v1/oversight/summary?from=2026-11-23&to=2026-11-27', { role: 'auditor' });
    expect(res.status).toBe(200);
    summary = await res.json();
  });
  afterAll(async () => {
    await t?.close();
    await legacy?.close();
  });

  const cell = (count: number, total: number) => ({ count, total, share: Math.round((count / total) * 10_000) / 10_000, smallNumber: count < 5 || total < 5 });

  it('counts changes of route and urgency, and which way, over the decisions on triages that suggested them', () => {
    expect(summary.suggestionChanges).toMatchObject({
      decisions: 8,
      withoutSuggestion: 1,
      changed: cell(5, 8),
      route: { changed: cell(4, 8), raised: cell(1, 8), lowered: cell(2, 8), across: cell(1, 8) },
      urgency: { changed: cell(3, 8), raised: cell(2, 8), lowered: cell(1, 8) },
    });
    expect(summary.suggestionChanges.changed).toEqual({ count: 5, total: 8, share: 0.625, smallNumber: false });
  });

  it('gives the same figures per screener, small numbers marked', () => {
    expect(summary.suggestionChanges.byScreener).toEqual([
      {
        screener: 'anna', decisions: 5, changed: cell(3, 5),
        route: { changed: cell(2, 5), raised: cell(0, 5), lowered: cell(1, 5), across: cell(1, 5) },
        urgency: { changed: cell(1, 5), raised: cell(1, 5), lowered: cell(0, 5) },
      },
      {
        screener: 'ben', decisions: 3, changed: cell(2, 3),
        route: { changed: cell(2, 3), raised: cell(1, 3), lowered: cell(1, 3), across: cell(0, 3) },
        urgency: { changed: cell(2, 3), raised: cell(1, 3), lowered: cell(1, 3) },
      },
    ]);
    expect(summary.suggestionChanges.byScreener[1].changed.smallNumber).toBe(true);
  });

  it('is an empty report, not an error, for a period with no decisions', async () => {
    const empty = await (await t.request('GET', '/api/v1/oversight/summary?from=2026-10-01&to=2026-10-07', { role: 'manager' })).json();
    expect(empty.suggestionChanges).toMatchObject({ decisions: 0, withoutSuggestion: 0, byScreener: [], changed: { count: 0, total: 0, share: null, smallNumber: true } });
  });
});
