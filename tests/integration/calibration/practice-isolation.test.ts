import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietContact, seedScenarios } from '../../fixtures/contacts.js';
import { runContact } from '../../support/closed-contacts.js';
import { body, type Json } from '../../support/decisions.js';
import { draw, importCases, setSettings, team, webGet, webSession } from '../../support/second-opinions.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** Corpus cases that, were they real, would open checks with partners, prepare referrer feedback and draw a second screen. */
const CASES = [
  'phys-02-femur-fracture-nine-month-old-cot-explanation',
  'xfh-06-practice-nurse-sees-fgm-in-nine-year-old',
  'risk-22-disabled-child-on-cin-plan-moves-in-with-notification',
  'need-18-police-non-crime-argument-children-not-present',
  'risk-04-partner-old-shoplifting-and-drink-driving-convictions-housing-query',
];

/** Every real list, sample, check, feedback and oversight figure, by each role that reads it. */
const VIEWS: [string, 'screener' | 'manager' | 'auditor', string][] = [
  ['checks', 'screener', '/api/v1/checks?status=all&limit=500'],
  ['feedback', 'screener', '/api/v1/referrer-feedback?status=all&limit=500'],
  ['transfers', 'manager', '/api/v1/transfers'],
  ['reviews', 'manager', '/api/v1/reviews'],
  ['second screens', 'manager', '/api/v1/second-screens?status=all'],
  ['audit sample', 'auditor', '/api/v1/audit/samples?size=50&seed=isolation'],
  ['oversight', 'auditor', '/api/v1/oversight/summary?from=2026-11-01&to=2026-11-30'],
  ['screening outcomes', 'auditor', '/api/v1/screening-outcomes?from=2026-11-01&to=2026-11-30'],
];

const TABLES = ['contacts', 'contact_children', 'triages', 'decisions', 'reviews', 'checks', 'transfers', 'referrer_feedback', 'second_screen_considerations', 'second_screens'] as const;

describe('practice contacts never mix with real ones', () => {
  let t: TestApp;
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  let practice: { ids: string[]; references: string[]; titles: string[] };

  async function views(into: Record<string, string>) {
    for (const [name, role, path] of VIEWS) {
      const res = await t.request('GET', path, { role });
      expect(res.status, name).toBe(200);
      into[name] = await res.text();
    }
    for (const table of TABLES) into[table] = String((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const manager = await webSession(t, 'manager', 'manager-1');
    into['contacts page'] = (await webGet(t, manager, '/contacts')).html.replace(/name="csrf" value="[^"]+"/g, '');
    into['oversight page'] = (await webGet(t, manager, '/oversight?from=2026-11-01&to=2026-11-30')).html.replace(/name="csrf" value="[^"]+"/g, '');
  }

  beforeAll(async () => {
    t = await createTestApp();
    // A draw that selects nothing, so that a real contact's blind second screen does not change what screeners see.
    setSettings(t, { secondScreening: { seed: 'isolation', noActionShare: 0, otherShare: 0, infantRepeat: null } });
    // Real work: a red contact with checks and a review, a quiet one closed NFA, both with feedback.
    const march = structuredClone(seedScenarios().find((s) => s.id === 'seed-march-2023-hit-by-mother')!.request);
    march.receivedAt = '2026-11-24T09:00:00Z';
    await runContact(t, { input: march, screener: 'ana', outcome: 'strategy_discussion', closeAt: '2026-11-27T10:00:00Z' });
    await runContact(t, { input: quietContact(), screener: 'ben', outcome: 'nfa', closeAt: '2026-11-27T11:00:00Z' });
    t.clock.set('2026-11-28T10:00:00Z');
    await views(before);

    // Practice: the bank, an exercise every screener answers as if real (no further action on all of them), a draw.
    const teamId = await team(t, ['ana', 'ben', 'cal']);
    const ids = await importCases(t, CASES);
    const bank = await body(await t.request('GET', '/api/v1/practice-contacts', { role: 'manager' }));
    practice = { ids, references: CASES, titles: bank.practiceContacts.map((p: Json) => p.title) };
    const exercise = await body(await t.request('POST', '/api/v1/calibration/exercises', { role: 'manager', body: { teamId, title: 'Isolation', practiceContactIds: ids } }));
    for (const sub of ['ana', 'ben', 'cal']) {
      for (const id of ids) {
        const res = await t.request('POST', `/api/v1/calibration/exercises/${exercise.id}/answers`, { sub, body: { practiceContactId: id, outcome: 'nfa', route: 'advice_signpost', urgency: 'none', rationale: 'Practice answer.' } });
        expect(res.status).toBe(201);
      }
    }
    expect((await t.request('POST', `/api/v1/calibration/exercises/${exercise.id}/close`, { role: 'manager' })).status).toBe(200);
    await draw(t);
    await views(after);
  });
  afterAll(async () => { await t.close(); });

  it('every real list, sample, check, feedback and oversight figure is exactly as it was', () => {
    for (const name of Object.keys(before)) {
      if (name === 'second screens' || name === 'second_screen_considerations' || name === 'second_screens') continue;
      expect(after[name], name).toBe(before[name]);
    }
  });

  it('the draw for second screens considered the real decisions only', () => {
    expect(Number(after.second_screen_considerations)).toBe(2);
    expect(after['second screens']).not.toMatch(/prc_/);
  });

  it('no practice contact’s id, reference or title appears in any of them', () => {
    const everything = Object.values(after).join('\n');
    for (const marker of [...practice.ids, ...practice.references, ...practice.titles]) expect(everything).not.toContain(marker);
  });

  it('a practice contact is no contact: not readable as one, and its audit entries name no contact', async () => {
    expect((await t.request('GET', `/api/v1/contacts/${practice.ids[0]}`, { role: 'manager' })).status).toBe(400);
    const entries = await t.deps.db.selectFrom('audit_log').select(['action', 'contact_id'])
      .where((eb) => eb.or([eb('action', 'like', 'calibration.%'), eb('action', 'like', 'practice_contact.%')])).execute();
    expect(entries.length).toBe(5 + 1 + 15 + 1);
    expect(entries.every((e) => e.contact_id === null)).toBe(true);
  });
});
