import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../src/lib/agreement/krippendorff.js';
import { fleissKappa, countsFrom } from '../../../src/lib/agreement/fleiss.js';
import { URGENCIES } from '../../../src/schemas/codes.js';
import { body, type Json } from '../../support/decisions.js';
import { importCases, SIX_CASES, team } from '../../support/second-opinions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** What each of three screeners answers for the six practice contacts: close on some, apart on others. */
const ANSWERS: Record<string, [string, string, string][]> = {
  ana: [['strategy_discussion', 's47_strategy', 'same_day'], ['assessment_s17', 's17_assessment', 'one_working_day'], ['nfa', 'advice_signpost', 'none'],
    ['information_advice', 'advice_signpost', 'none'], ['strategy_discussion', 's47_strategy', 'same_day'], ['strategy_discussion', 's47_strategy', 'within_hours']],
  ben: [['strategy_discussion', 's47_strategy', 'within_hours'], ['early_help', 'early_help', 'three_working_days'], ['nfa', 'advice_signpost', 'none'],
    ['nfa', 'advice_signpost', 'none'], ['strategy_discussion', 's47_strategy', 'same_day'], ['assessment_s17', 's20_accommodation', 'same_day']],
  cal: [['strategy_discussion', 's47_strategy', 'same_day'], ['assessment_s17', 's17_assessment', 'three_working_days'], ['information_advice', 'advice_signpost', 'none'],
    ['nfa', 'advice_signpost', 'none'], ['strategy_discussion', 's47_strategy', 'same_day'], ['strategy_discussion', 's47_strategy', 'within_hours']],
};

describe('calibration exercises', () => {
  let t: TestApp;
  let teamId: string;
  let practice: string[];
  let exerciseId: string;
  beforeAll(async () => {
    t = await createTestApp();
    teamId = await team(t, ['ana', 'ben', 'cal']);
    practice = await importCases(t, SIX_CASES);
  });
  afterAll(async () => { await t.close(); });

  const answer = (sub: string, i: number, exercise = exerciseId) => {
    const [outcome, route, urgency] = ANSWERS[sub]![i]!;
    return t.request('POST', `/api/v1/calibration/exercises/${exercise}/answers`, { sub, body: { practiceContactId: practice[i], outcome, route, urgency } });
  };

  describe('happy', () => {
    it('the bank holds the corpus cases with their labels and the triage made when they were added', async () => {
      const bank = await body(await t.request('GET', '/api/v1/practice-contacts', { role: 'manager' }));
      expect(bank.practiceContacts).toHaveLength(6);
      const femur = bank.practiceContacts.find((p: Json) => p.reference === SIX_CASES[0]);
      expect(femur).toMatchObject({ source: 'corpus', expected: { route: 's47_strategy' }, priority: 'red' });
      const added = await t.deps.db.selectFrom('audit_log').select(['contact_id', 'detail']).where('action', '=', 'practice_contact.added').execute();
      expect(added).toHaveLength(6);
      expect(added.every((a) => a.contact_id === null)).toBe(true);
      expect(JSON.stringify(added)).not.toMatch(/narrative|spiral|Noah/i);
    });

    it('a manager sets an exercise; each screener sees the practice contacts and their own answers only', async () => {
      const res = await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', body: { teamId, title: 'December calibration', practiceContactIds: practice } });
      expect(res.status).toBe(201);
      exerciseId = (await body(res)).id;
      expect((await answer('ana', 0)).status).toBe(201);

      const forBen = await body(await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}`, { sub: 'ben' }));
      expect(forBen.practiceContacts).toHaveLength(6);
      expect(forBen.practiceContacts[0]).toMatchObject({ title: expect.any(String), narrative: expect.any(String), yourAnswer: null, triage: { priority: 'red' } });
      expect(forBen.progress).toBeNull();
      expect(JSON.stringify(forBen)).not.toContain('"ana"');
      expect(forBen.answered).toBe(0);
      const forAna = await body(await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}`, { sub: 'ana' }));
      expect(forAna.practiceContacts[0].yourAnswer).toMatchObject({ outcome: 'strategy_discussion', route: 's47_strategy', urgency: 'same_day' });
      const forManager = await body(await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}`, { role: 'manager' }));
      expect(forManager.progress).toEqual([{ screener: 'ana', answered: 1 }, { screener: 'ben', answered: 0 }, { screener: 'cal', answered: 0 }]);
      expect(JSON.stringify(forManager.practiceContacts)).not.toContain('yourAnswer":{');
    });

    it('screeners see no results while it is open; once closed, everyone sees alpha and kappa with intervals', async () => {
      for (const sub of ['ana', 'ben', 'cal']) for (let i = sub === 'ana' ? 1 : 0; i < 6; i++) expect((await answer(sub, i)).status).toBe(201);
      const early = await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}/results`, { sub: 'ben' });
      expect(early.status).toBe(409);
      expect((await t.request('POST', `/api/v1/calibration/exercises/${exerciseId}/close`, { role: 'manager' })).status).toBe(200);

      const results = await body(await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}/results`, { sub: 'ben' }));
      expect(results).toMatchObject({ status: 'closed', screeners: 3, smallNumber: false });
      // The same figures as the statistics computed directly on the answers.
      const urgencyUnits = [0, 1, 2, 3, 4, 5].map((i) => ['ana', 'ben', 'cal'].map((s) => URGENCIES.indexOf(ANSWERS[s]![i]![2] as never)));
      expect(results.agreement.urgency.alphaOrdinal.value).toBe(Math.round(krippendorffAlpha(urgencyUnits, 'ordinal')! * 1000) / 1000);
      expect(results.agreement.urgency.alphaNominal.value).toBe(Math.round(krippendorffAlpha(urgencyUnits, 'nominal')! * 1000) / 1000);
      expect(results.agreement.urgency.fleissKappa.value).toBe(Math.round(fleissKappa(countsFrom(urgencyUnits, URGENCIES.length))! * 1000) / 1000);
      expect(results.agreement.outcome.alphaOrdinal).toBeNull();
      for (const variable of ['outcome', 'route', 'urgency']) {
        const figures = results.agreement[variable];
        expect(figures.units).toBe(6);
        expect(figures.fleissKappa.interval).toMatchObject({ level: 0.95, seed: `${exerciseId}:${variable}:fleiss-kappa` });
        expect(figures.alphaNominal.interval.lower).toBeLessThanOrEqual(figures.alphaNominal.value);
      }
      // Which answers diverged, practice contact by practice contact, beside the bank's label.
      expect(results.practiceContacts[4]).toMatchObject({ outcome: { diverged: false, agreement: 1 }, expected: { route: expect.any(String) } });
      expect(results.practiceContacts[5].route).toEqual({ counts: { s47_strategy: 2, s20_accommodation: 1 }, modal: ['s47_strategy'], agreement: 0.667, diverged: true });
      expect(results.practiceContacts[0].yourAnswer).toMatchObject({ urgency: 'within_hours' });
      expect(results.practiceContacts[0].byScreener).toBeNull();
      const forManager = await body(await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}/results`, { role: 'manager' }));
      expect(forManager.practiceContacts[5].byScreener).toContainEqual({ screener: 'ben', outcome: 'assessment_s17', route: 's20_accommodation', urgency: 'same_day' });
      // Seeded: the same answers give the same intervals every time.
      expect(forManager.agreement).toEqual(results.agreement);
    });

    it('over time: each closed exercise of the team, oldest first', async () => {
      const second = (await body(await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', body: { teamId, title: 'January calibration', practiceContactIds: practice.slice(0, 3) } }))).id;
      for (const sub of ['ana', 'ben']) for (let i = 0; i < 3; i++) await answer(sub, i, second);
      t.clock.advance(86_400_000);
      await t.request('POST', `/api/v1/calibration/exercises/${second}/close`, { role: 'manager' });
      const trend = await body(await t.request('GET', '/api/v1/calibration/trend', { sub: 'cal' }));
      expect(trend.teamId).toBe(teamId);
      expect(trend.exercises.map((e: Json) => [e.title, e.screeners, e.smallNumber])).toEqual([['December calibration', 3, false], ['January calibration', 2, true]]);
      const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'calibration.%').execute();
      expect(audit.filter((a) => a.action === 'calibration.answered')).toHaveLength(24);
    });
  });

  describe('error', () => {
    it('answers once, to a practice contact of the exercise, while it is open', async () => {
      const open = (await body(await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', body: { teamId, title: 'Open one', practiceContactIds: practice.slice(0, 2) } }))).id;
      expect((await answer('ana', 0, open)).status).toBe(201);
      expect((await answer('ana', 0, open)).status).toBe(409);
      const wrong = await answer('ana', 4, open);
      expect(wrong.status).toBe(422);
      expect((await body(wrong)).errors).toEqual([{ path: '/practiceContactId', message: expect.stringContaining('is not in exercise') }]);
      expect((await answer('ana', 0, exerciseId)).status).toBe(409);
    });

    it('names bad fields as JSON pointers: unknown practice contacts, duplicates, bad codes', async () => {
      const res = await t.request('POST', '/api/v1/calibration/exercises', {
        role: 'manager', body: { teamId, title: 'Bad', practiceContactIds: [practice[0], 'prc_00000000000000000000000000'] },
      });
      expect(res.status).toBe(422);
      expect((await body(res)).errors).toEqual([{ path: '/practiceContactIds/1', message: expect.stringContaining('not in this authority') }]);
      const dup = await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', body: { teamId, title: 'Dup', practiceContactIds: [practice[0], practice[0]] } });
      expect((await body(dup)).errors[0].path).toBe('/practiceContactIds/1');
      const bad = await t.request('POST', `/api/v1/calibration/exercises/${exerciseId}/answers`, { sub: 'ana', body: { practiceContactId: practice[0], outcome: 'nfa', route: 'elsewhere' } });
      expect((await body(bad)).errors.map((e: Json) => e.path)).toEqual(['/route', '/urgency']);
    });
  });

  describe('security', () => {
    it('a screener outside the team, or a manager who does not manage it, finds no such exercise', async () => {
      expect((await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}`, { sub: 'dan' })).status).toBe(404);
      expect((await t.request('GET', `/api/v1/calibration/exercises/${exerciseId}/results`, { role: 'manager', sub: 'manager-2' })).status).toBe(404);
      const other = await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', sub: 'manager-2', body: { teamId, title: 'Not mine', practiceContactIds: practice.slice(0, 2) } });
      expect(other.status).toBe(404);
      expect((await t.request('POST', `/api/v1/calibration/exercises/${exerciseId}/answers`, { sub: 'dan', body: { practiceContactId: practice[0], outcome: 'nfa', route: 'advice_signpost', urgency: 'none' } })).status).toBe(404);
    });
  });
});
