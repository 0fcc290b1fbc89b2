import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADULT_ROLES, ASSESSMENT_FACTORS, CHANNELS, ETHNICITIES, EVIDENCE_KINDS, EXPLANATION_ASSESSMENTS, INJURY_PATTERNS,
  INJURY_SITES, INJURY_TYPES, MOBILITY, PREVIOUS_PLANS, REFERRAL_SOURCE_CODES, SEXES,
} from '../../../src/schemas/codes.js';
import { child as childFixture, quietContact } from '../../fixtures/contacts.js';
import { createTestApp, storedCounts, type TestApp } from '../../support/test-app.js';

const NUM_RUNS = 150;
const NOW = Date.parse('2026-11-28T10:00:00Z');
const DAY = 86_400_000;

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const flag = opt(fc.oneof(fc.boolean(), fc.constant(null)));
const date = (from: number, to: number) => fc.integer({ min: Math.floor(from / DAY), max: Math.floor(to / DAY) }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const words = fc.string({ minLength: 1, maxLength: 60 });
const nhsNumber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((digits) => {
  const check = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
  return `${digits.join('')}${check === 11 ? 0 : check === 10 ? 1 : check}`; // a 10 makes an invalid number: a broken value for free
});
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

/** Bodies in the shapes of tests/fixtures/contacts.ts, every field drawn from its vocabulary or left out. */
const injury = fc.record({
  type: fc.constantFrom(...INJURY_TYPES),
  sites: fc.subarray([...INJURY_SITES], { minLength: 1, maxLength: 3 }),
  pattern: opt(subset(INJURY_PATTERNS)),
  explanation: opt(words),
  explanationAssessment: opt(fc.constantFrom(...EXPLANATION_ASSESSMENTS)),
  healthConfirmedNonInflicted: flag,
}, { requiredKeys: ['type', 'sites'] });

const childBase = fc.record({
  personId: opt(fc.stringMatching(/^P-\d{6}$/)),
  nhsNumber: opt(nhsNumber),
  givenName: opt(words),
  familyName: opt(words),
  sex: opt(fc.constantFrom(...SEXES)),
  ethnicity: opt(fc.constantFrom(...ETHNICITIES)),
  mobility: opt(fc.constantFrom(...MOBILITY)),
  disability: flag, communicates: flag, disclosure: flag,
  injuries: opt(fc.array(injury, { maxLength: 3 })),
  history: opt(fc.record({ cpPlanCurrent: flag, cpPlanPrevious: flag, cinCurrent: flag, cinPrevious: flag, lookedAfterCurrent: flag, previousS47: flag, siblingCpPlan: flag, previousChildRemoved: flag }, { requiredKeys: [] })),
}, { requiredKeys: [] });

/** Mostly a born child or an unborn one without injuries; sometimes both dates, or neither. */
const childDates = fc.oneof(
  { weight: 6, arbitrary: date(NOW - 19 * 365 * DAY, NOW).map((d) => ({ dateOfBirth: d })) },
  { weight: 2, arbitrary: date(NOW - 20 * DAY, NOW + 250 * DAY).map((d) => ({ expectedDateOfBirth: d, injuries: undefined })) },
  { weight: 1, arbitrary: fc.record({ dateOfBirth: opt(date(NOW - 400 * DAY, NOW + 30 * DAY)), expectedDateOfBirth: opt(date(NOW - 60 * DAY, NOW + 300 * DAY)) }) },
);
const child = fc.tuple(childBase, childDates).map(([base, dates]) => ({ ...base, ...dates }));

const contact = fc.record({
  receivedAt: fc.integer({ min: NOW - 400 * DAY, max: NOW + 3_600_000 }).map((ms) => new Date(ms).toISOString()),
  channel: opt(fc.constantFrom(...CHANNELS)),
  immediateDanger: flag,
  referrer: fc.record({
    source: fc.constantFrom(...REFERRAL_SOURCE_CODES), name: opt(words), organisation: opt(words), role: opt(words),
    relationshipToChild: opt(words), spokenToDirectly: flag,
  }, { requiredKeys: ['source'] }),
  children: fc.array(child, { minLength: 1, maxLength: 3 }),
  adults: opt(fc.array(fc.record({
    role: opt(fc.constantFrom(...ADULT_ROLES)), personId: opt(fc.stringMatching(/^P-\d{6}$/)), livesWithChild: flag, newToHousehold: flag,
    violenceHistory: flag, inCustody: flag, checksCompleted: flag, allegedPerpetrator: flag,
  }, { requiredKeys: [] }), { maxLength: 3 })),
  concerns: opt(fc.subarray([...ASSESSMENT_FACTORS], { maxLength: 4 })),
  physicalPunishmentReported: flag,
  fabricatedOrInducedIllness: flag,
  evidenceHeld: opt(subset(EVIDENCE_KINDS)),
  household: opt(fc.record({ domesticAbuse: flag, substanceMisuse: flag, parentalMentalHealth: flag }, { requiredKeys: [] })),
  movement: opt(fc.record({
    movedIntoAreaOn: opt(date(NOW - 800 * DAY, NOW + 10 * DAY)), previousAuthority: opt(fc.constantFrom('E06000055', 'W06000011', 'X123')),
    planInPreviousAuthority: opt(fc.constantFrom(...PREVIOUS_PLANS)), previousAuthorityNotified: flag,
  }, { requiredKeys: [] })),
  narrative: fc.oneof(words, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 })),
}, { requiredKeys: ['receivedAt', 'referrer', 'children', 'narrative'] });

/** Values that break a field: wrong types, empty, huge, odd characters, prototype keys. */
const junk = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(''), fc.constant([]), fc.constant({}),
  fc.string({ unit: 'binary', maxLength: 30 }), fc.constant('\u0000'), fc.constant('a\u0000b'), fc.constant('\ud800'),
  fc.constant('x'.repeat(25_000)), fc.constant('2021-02-30'), fc.constant('9999-99-99T99:99:99Z'), fc.constant(' '),
  fc.constant({ __proto__: { role: 'admin' } }), fc.array(fc.integer(), { maxLength: 3 }),
);

type Mutation = { at: number; kind: 'replace' | 'delete' | 'add' | 'poison'; value: unknown; key: string };
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'delete', 'add', 'poison'),
  value: junk,
  key: fc.oneof(fc.constantFrom('priority', 'id', 'la', '__proto__', 'constructor'), fc.string({ minLength: 1, maxLength: 10 })),
});

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

const POISON = ['\u0000', '\ud800', '\udfff'];

function mutate(body: Record<string, unknown>, m: Mutation) {
  const leaf = (path: (string | number)[]) => path.reduce<any>((node, key) => node?.[key], body);
  // Poison: a character PostgreSQL cannot store, inside one of the body's strings.
  const all = m.kind === 'poison' ? paths(body).filter((p) => typeof leaf(p) === 'string') : paths(body);
  if (all.length === 0) return;
  const path = all[m.at % all.length]!;
  if (path.length === 0) return;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], body);
  const last = path[path.length - 1]!;
  if (m.kind === 'add' && parent && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  else if (m.kind === 'poison') parent[last] = `${parent[last]}${POISON[m.at % POISON.length]}`;
  else if (m.kind === 'delete' && !Array.isArray(parent)) delete parent[last];
  else parent[last] = m.value;
}

const body = fc.oneof(
  contact,
  fc.tuple(contact, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([c, ms]) => {
    const broken = structuredClone(c) as Record<string, unknown>;
    for (const m of ms) mutate(broken, m);
    return broken;
  }),
);

describe('POST /api/v1/contacts: any body, valid or broken', () => {
  let t: TestApp;
  let run = 0;
  const seen = { created: 0, refused: 0 };
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a NUL or unpaired surrogate in any string, or in a field name, is 422 naming the field', async () => {
    const before = await storedCounts(t.deps);
    for (const [sent, path] of [
      [{ ...quietContact(), narrative: 'a\u0000b' }, '/narrative'],
      [quietContact({ children: [childFixture({ givenName: 'Sam\ud800' })] }), '/children/0/givenName'],
      [{ ...quietContact(), 'odd\u0000key': 1 }, ''],
    ] as const) {
      const res = await t.request('POST', '/api/v1/contacts', { body: sent, sub: 'unstorable' });
      expect(res.status).toBe(422);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path === '' ? '/' : path);
    }
    expect(await storedCounts(t.deps)).toEqual(before);
  });

  it(`answers 201 or a 4xx problem naming fields, never 500; stores all or nothing (${NUM_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(body, async (sent) => {
      const before = await storedCounts(t.deps);
      const res = await t.request('POST', '/api/v1/contacts', { body: sent, sub: `property-${run++}` });
      const answer = await res.json();
      const after = await storedCounts(t.deps);
      expect(res.status === 201 || (res.status >= 400 && res.status < 500), `status ${res.status}: ${JSON.stringify(answer)}`).toBe(true);
      if (res.status === 201) {
        seen.created++;
        expect(after.contacts).toBe(before.contacts + 1);
        expect(after.triages).toBe(before.triages + 1);
        const entries = await t.deps.db.selectFrom('audit_log').select('action').where('contact_id', '=', answer.id).orderBy('seq').execute();
        expect(entries.filter((e) => e.action.startsWith('contact.')).map((e) => e.action)).toEqual(['contact.recorded', 'contact.triaged']);
        expect(after.audit).toBe(before.audit + entries.length);
        const triage = await t.deps.db.selectFrom('triages').selectAll().where('contact_id', '=', answer.id).executeTakeFirstOrThrow();
        expect(triage.results).toEqual(answer.triage.rules);
        expect(triage.prompts).toEqual(answer.triage.prompts);
        expect(triage.priority).toBe(answer.triage.priority);
      } else {
        seen.refused++;
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(answer).toMatchObject({ status: res.status, type: expect.stringMatching(/^urn:mash-triage:problem:/) });
        expect(answer.errors.length, JSON.stringify(answer)).toBeGreaterThan(0);
        for (const error of answer.errors) expect(error.path).toMatch(/^\//);
        expect(after).toEqual(before);
      }
    }), { numRuns: NUM_RUNS });
    expect(seen.created).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(10);
  }, 300_000);
});
