import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../../src/rules/evaluate.js';
import { deriveFacts, type HistoryEvidence } from '../../../src/rules/facts.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { loadSettings, type AuthoritySettings } from '../../../src/rules/settings.js';
import { ContactInputSchema, type ChildInput, type ContactInput, type InjuryInput } from '../../../src/schemas/contact.schema.js';
import { child } from '../../fixtures/contacts.js';

/**
 * What the rule-pack*.test.ts files share: each holds a `cases` record for
 * the rules of one area, keyed by rule id (rules:check looks for `'<id>': {`
 * in those files), and hands it to describeRuleCases, which evaluates every
 * case through the real Evaluator on facts derived from the contact.
 */
export const ruleSet = loadRuleSet('rules');
const national = loadSettings('rules/settings').national;
const evaluator = new Evaluator(ruleSet);

export type Case = { name: string; contact: ContactInput; history?: Partial<HistoryEvidence>; settings?: Partial<AuthoritySettings> };
export type RuleCases = Record<string, { fires: Case[]; doesNotFire: Case[] }>;

export async function firedRules({ contact, history, settings }: Case): Promise<string[]> {
  const evidence: HistoryEvidence = { priorContacts: contact.children.map(() => 0), caseSystem: [], complete: true, ...history };
  const { facts } = deriveFacts(contact, evidence, { ...national, ...settings });
  const triage = await evaluator.evaluate(facts);
  return triage.rules.filter((r) => r.fired).map((r) => r.id);
}

/** Dates of birth against quietContact()'s date, 2026-11-24. */
export const BORN = {
  weeks16: '2026-08-01',
  months10: '2026-01-20',
  months17: '2025-06-01',
  years1: '2025-11-20',
  years2: '2024-09-01',
  years3: '2023-06-01',
  years4: '2022-06-01',
  years5: '2021-09-01',
  years9: '2016-11-25',
  years10: '2016-11-24',
  years12: '2014-03-01',
  /** One day short of 13: 155 whole months. */
  years12Months11: '2013-11-25',
  years13: '2013-11-24',
  years16: '2010-05-01',
} as const;

/** A child of the given age (the fixture's child is six). */
export const aged = (dateOfBirth: string, overrides: Partial<ChildInput> = {}) => child({ dateOfBirth, ...overrides });
/** A sixteen-week-old who does not crawl or speak. */
export const baby = (overrides: Partial<ChildInput> = {}) =>
  child({ personId: 'P-BABY', dateOfBirth: BORN.weeks16, mobility: 'not_independently_mobile', communicates: false, ...overrides });
export const unborn = (overrides: Partial<ChildInput> = {}) =>
  child({ personId: 'P-UNBORN', dateOfBirth: null, expectedDateOfBirth: '2027-03-01', mobility: null, communicates: null, ...overrides });
/** A bruise with an explanation that fits, unless `extra` says otherwise. */
export const bruise = (sites: InjuryInput['sites'], extra: Partial<InjuryInput> = {}): InjuryInput =>
  ({ type: 'bruise', sites, pattern: [], explanation: 'fell', explanationAssessment: 'consistent', ...extra });

/** Registers the cases: every case must be a valid contact; each rule must fire on its cases and not on its near misses. */
export function describeRuleCases(area: string, cases: RuleCases): void {
  describe(`the rule pack: ${area}`, () => {
    it('names only rules in the pack, each with a case that fires it and a near miss that must not', () => {
      const ids = new Set(ruleSet.rules.map((r) => r.id));
      for (const [id, { fires, doesNotFire }] of Object.entries(cases)) {
        expect(ids.has(id), `${id} is not a rule in rules/`).toBe(true);
        expect(fires.length, `${id} has no case that fires it`).toBeGreaterThan(0);
        expect(doesNotFire.length, `${id} has no near miss`).toBeGreaterThan(0);
      }
    });

    it('every case is a contact the API would accept', () => {
      for (const [id, { fires, doesNotFire }] of Object.entries(cases)) {
        for (const c of [...fires, ...doesNotFire]) {
          const parsed = ContactInputSchema.safeParse(c.contact);
          expect(parsed.success, `${id}: ${c.name}: ${parsed.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`).toBe(true);
        }
      }
    });

    for (const [ruleId, { fires, doesNotFire }] of Object.entries(cases)) {
      describe(ruleId, () => {
        for (const c of fires) it(`fires: ${c.name}`, async () => { expect(await firedRules(c)).toContain(ruleId); });
        for (const c of doesNotFire) it(`does not fire: ${c.name}`, async () => { expect(await firedRules(c)).not.toContain(ruleId); });
      });
    }
  });
}
