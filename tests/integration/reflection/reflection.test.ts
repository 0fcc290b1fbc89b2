import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, type Json } from '../../support/decisions.js';
import { decidedContact, draw, DRAW_EVERY_NO_ACTION, importCases, SECOND_SCREEN, setSettings, SIX_CASES, team } from '../../support/second-opinions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('a screener’s own page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    setSettings(t, DRAW_EVERY_NO_ACTION);
    await team(t, ['anna', 'bob']);
    // Anna decides two NFAs and an assessment, Bob an assessment. Bob second-screens one of Anna's NFAs and disagrees; Cy, in no team, takes the other and agrees.
    await decidedContact(t, { decider: 'anna' });
    await decidedContact(t, { decider: 'anna' });
    await decidedContact(t, { decider: 'anna', outcome: 'assessment_s17' });
    await decidedContact(t, { decider: 'bob', outcome: 'assessment_s17' });
    const { selected } = await draw(t);
    expect((await t.request('POST', `/api/v1/second-screens/${selected[0].secondScreenId}/screen`, { sub: 'bob', body: SECOND_SCREEN })).status).toBe(201);
    expect((await t.request('POST', `/api/v1/second-screens/${selected[1].secondScreenId}/screen`, { sub: 'cy', body: { ...SECOND_SCREEN, outcome: 'nfa' } })).status).toBe(201);
    // A closed exercise both answered.
    const practice = await importCases(t, SIX_CASES.slice(0, 3));
    const teams = await body(await t.request('GET', '/api/v1/teams', { role: 'manager' }));
    const exercise = await body(await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', body: { teamId: teams.teams[0].id, title: 'First', practiceContactIds: practice } }));
    for (const [sub, route] of [['anna', 's47_strategy'], ['bob', 'early_help']] as const) {
      for (const id of practice) await t.request('POST', `/api/v1/calibration/exercises/${exercise.id}/answers`, { sub, body: { practiceContactId: id, outcome: 'strategy_discussion', route, urgency: 'same_day' } });
    }
    await t.request('POST', `/api/v1/calibration/exercises/${exercise.id}/close`, { role: 'manager' });
  });
  afterAll(async () => { await t.close(); });

  it('shows the screener’s decisions, second screens and calibration beside the team’s', async () => {
    const page = await body(await t.request('GET', '/api/v1/screeners/anna/reflection', { sub: 'anna' }));
    expect(page.team).toMatchObject({ screeners: 2 });
    expect(page.decisions.yours).toMatchObject({ decisions: 3, byOutcome: { nfa: { count: 2, total: 3 }, assessment_s17: { count: 1, total: 3 } }, departed: { count: 0 } });
    expect(page.decisions.team).toMatchObject({ decisions: 4, byOutcome: { nfa: { count: 2, total: 4 } } });
    expect(page.secondScreens.yours.onTheirDecisions).toMatchObject({ count: 1, total: 2, smallNumber: true });
    expect(page.secondScreens.team.asSecondScreener).toMatchObject({ count: 0, total: 1 });
    expect(page.calibration).toHaveLength(1);
    expect(page.calibration[0]).toMatchObject({ answered: 3, withTeamsCommonAnswer: { outcome: { count: 3, total: 3 } }, teamAlpha: { outcomeNominal: null } });
    expect(page.calibration[0].withBankLabel.route.total).toBe(3);
  });

  it('a screener sees only their own page; a manager the pages of their team; no league table of others', async () => {
    expect((await t.request('GET', '/api/v1/screeners/bob/reflection', { sub: 'anna' })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/screeners/anna/reflection', { role: 'manager' })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/screeners/anna/reflection', { role: 'manager', sub: 'manager-2' })).status).toBe(404);
    const alone = await body(await t.request('GET', '/api/v1/screeners/cy/reflection', { sub: 'cy' }));
    expect(alone).toMatchObject({ team: null, decisions: { team: null }, secondScreens: { yours: { asSecondScreener: { count: 1, total: 1 } } } });
    const page: Json = await body(await t.request('GET', '/api/v1/screeners/anna/reflection', { sub: 'anna' }));
    expect(JSON.stringify(page)).not.toContain('"bob"');
  });
});
