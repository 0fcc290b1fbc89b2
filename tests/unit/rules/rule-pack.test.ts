import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../../src/rules/evaluate.js';
import { deriveFacts, type HistoryEvidence } from '../../../src/rules/facts.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { loadSettings, type AuthoritySettings } from '../../../src/rules/settings.js';
import type { ContactInput } from '../../../src/schemas/contact.schema.js';
import { child, quietContact } from '../../fixtures/contacts.js';

const ruleSet = loadRuleSet('rules');
const national = loadSettings('rules/settings').national;
const evaluator = new Evaluator(ruleSet);

type Case = { name: string; contact: ContactInput; history?: Partial<HistoryEvidence>; settings?: Partial<AuthoritySettings> };

async function firedRules({ contact, history, settings }: Case): Promise<string[]> {
  const evidence: HistoryEvidence = { priorContacts: contact.children.map(() => 0), caseSystem: [], complete: true, ...history };
  const { facts } = deriveFacts(contact, evidence, { ...national, ...settings });
  const triage = await evaluator.evaluate(facts);
  return triage.rules.filter((r) => r.fired).map((r) => r.id);
}

const baby = (overrides = {}) => child({ personId: 'P-BABY', dateOfBirth: '2026-08-01', mobility: 'not_independently_mobile', communicates: false, ...overrides });
const bruise = (sites: string[], extra = {}) => ({ type: 'bruise' as const, sites: sites as never, pattern: [], explanation: 'fell', explanationAssessment: 'consistent' as const, ...extra });

/** For every rule: contacts that must fire it, and near misses that must not. */
const cases: Record<string, { fires: Case[]; doesNotFire: Case[] }> = {
  'under-one': {
    fires: [
      { name: 'a baby in the household', contact: quietContact({ children: [child(), baby()] }) },
      { name: 'an unborn child', contact: quietContact({ children: [child({ dateOfBirth: null, expectedDateOfBirth: '2027-03-01' })] }) },
    ],
    doesNotFire: [{ name: 'a child of one year', contact: quietContact({ children: [child({ dateOfBirth: '2025-11-20' })] }) }],
  },
  'prior-cp-history': {
    fires: [
      { name: 'a previous plan', contact: quietContact({ children: [child({ history: { cpPlanPrevious: true } })] }) },
      { name: 'a sibling on a plan', contact: quietContact({ children: [child({ history: { siblingCpPlan: true } })] }) },
      { name: 'a child previously removed', contact: quietContact({ children: [child({ history: { previousChildRemoved: true } })] }) },
      { name: 'history from the case system', contact: quietContact(), history: { caseSystem: [{ previousS47: true }] } },
    ],
    doesNotFire: [{ name: 'child in need only', contact: quietContact({ children: [child({ history: { cinPrevious: true } })] }) }],
  },
  'open-case': {
    fires: [{ name: 'a current CiN plan', contact: quietContact({ children: [child({ history: { cinCurrent: true } })] }) }],
    doesNotFire: [{ name: 'a closed CiN plan', contact: quietContact({ children: [child({ history: { cinPrevious: true, cinCurrent: false } })] }) }],
  },
  'non-mobile-injury': {
    fires: [
      { name: 'a bruise on a non-mobile baby', contact: quietContact({ children: [baby({ injuries: [bruise(['shin'])] })] }) },
      { name: 'a mark on a five-month-old recorded as mobile', contact: quietContact({ children: [baby({ mobility: 'independently_mobile', injuries: [{ type: 'mark', sites: ['thigh'] }] })] }) },
    ],
    doesNotFire: [
      { name: 'a birthmark confirmed by health', contact: quietContact({ children: [baby({ injuries: [bruise(['back'], { healthConfirmedNonInflicted: true })] })] }) },
      { name: 'a bruise on a walking toddler', contact: quietContact({ children: [child({ dateOfBirth: '2024-06-01', injuries: [bruise(['shin'])] })] }) },
    ],
  },
  'non-mobile-injury-strategy': {
    fires: [{ name: 'the national route', contact: quietContact({ children: [baby({ injuries: [bruise(['shin'])] })] }) }],
    doesNotFire: [{ name: 'an authority that appraises health first', contact: quietContact({ children: [baby({ injuries: [bruise(['shin'])] })] }), settings: { nonMobileInjuryRoute: 'health_appraisal_first' } }],
  },
  'non-professional-referrer': {
    fires: ['1A', '1B', '1C', '1D'].map((source) => ({ name: `CIN ${source}`, contact: quietContact({ referrer: { source: source as never } }) })),
    doesNotFire: ['2A', '6', '9'].map((source) => ({ name: `CIN ${source}`, contact: quietContact({ referrer: { source: source as never } }) })),
  },
  'anonymous-referrer': {
    fires: [{ name: 'CIN 9', contact: quietContact({ referrer: { source: '9' } }) }],
    doesNotFire: [{ name: 'CIN 10 (unknown)', contact: quietContact({ referrer: { source: '10' } }) }],
  },
  'concerning-injury': {
    fires: [
      { name: 'TEN-4-FACESp eyelid bruise at 33 months', contact: quietContact({ children: [child({ dateOfBirth: '2024-02-10', injuries: [bruise(['eyelids'])] })] }) },
      { name: 'a grip pattern at eight', contact: quietContact({ children: [child({ dateOfBirth: '2018-01-01', injuries: [bruise(['upper_arm'], { pattern: ['grip'] })] })] }) },
      { name: 'an implausible explanation', contact: quietContact({ children: [child({ injuries: [bruise(['shin'], { explanationAssessment: 'implausible' })] })] }) },
      { name: 'no explanation at all', contact: quietContact({ children: [child({ injuries: [{ type: 'burn', sites: ['hand'] }] })] }) },
    ],
    doesNotFire: [
      { name: 'a knee bruise with a consistent explanation', contact: quietContact({ children: [child({ injuries: [bruise(['knee'])] })] }) },
      { name: 'a TEN-4 site at six years with a consistent explanation', contact: quietContact({ children: [child({ dateOfBirth: '2020-01-01', injuries: [bruise(['chest'])] })] }) },
    ],
  },
  'child-disclosure': {
    fires: [{ name: 'a disclosure', contact: quietContact({ children: [child({ disclosure: true })] }) }],
    doesNotFire: [{ name: 'disclosure not known', contact: quietContact({ children: [child({ disclosure: null })] }) }],
  },
  'physical-punishment-injury-or-head': {
    fires: [{ name: 'punishment with a mark', contact: quietContact({ physicalPunishmentReported: true, children: [child({ injuries: [bruise(['thigh'])] })] }) }],
    doesNotFire: [{ name: 'punishment with no injury', contact: quietContact({ physicalPunishmentReported: true }) }],
  },
  'physical-punishment': {
    fires: [{ name: 'punishment reported', contact: quietContact({ physicalPunishmentReported: true }) }],
    doesNotFire: [{ name: 'punishment not known', contact: quietContact() }],
  },
  'minimising-language': {
    fires: [{ name: '"chastisement" with physical abuse', contact: quietContact({ concerns: ['18C'], narrative: 'Mother said it was only chastisement.' }) }],
    doesNotFire: [
      { name: 'the same word with no physical harm alleged', contact: quietContact({ narrative: 'School discipline policy was discussed.' }) },
      { name: 'physical abuse described plainly', contact: quietContact({ concerns: ['18C'], narrative: 'Mother hit the child.' }) },
    ],
  },
  'sexual-abuse': {
    fires: [{ name: 'CIN 19C', contact: quietContact({ concerns: ['19C'] }) }],
    doesNotFire: [{ name: 'CIN 17A', contact: quietContact({ concerns: ['17A'] }) }],
  },
  'domestic-abuse-young-child': {
    fires: [{ name: 'domestic abuse with a four-year-old', contact: quietContact({ household: { domesticAbuse: true }, children: [child({ dateOfBirth: '2022-06-01' })] }) }],
    doesNotFire: [{ name: 'domestic abuse with a six-year-old', contact: quietContact({ household: { domesticAbuse: true } }) }],
  },
  'unchecked-adult': {
    fires: [{ name: 'checks not known', contact: quietContact({ adults: [{ role: 'mother', checksCompleted: null }] }) }],
    doesNotFire: [{ name: 'all checked', contact: quietContact() }],
  },
  'repeat-contacts': {
    fires: [{ name: 'two earlier contacts', contact: quietContact(), history: { priorContacts: [2] } }],
    doesNotFire: [{ name: 'one earlier contact', contact: quietContact(), history: { priorContacts: [1] } }],
  },
  'repeat-contacts-escalation': {
    fires: [{ name: 'three earlier contacts', contact: quietContact(), history: { priorContacts: [3] } }],
    doesNotFire: [{ name: 'three, where the authority sets five', contact: quietContact(), history: { priorContacts: [3] }, settings: { repeatContactStrategyThreshold: 5 } }],
  },
  'moved-in-with-cp-plan': {
    fires: [{ name: 'moved in on a CP plan', contact: quietContact({ movement: { movedIntoAreaOn: '2026-10-01', planInPreviousAuthority: 'cp' } }) }],
    doesNotFire: [{ name: 'moved in with no plan', contact: quietContact({ movement: { movedIntoAreaOn: '2026-10-01', planInPreviousAuthority: 'none' } }) }],
  },
  'moved-in-with-cin-plan': {
    fires: [{ name: 'moved in on a CiN plan', contact: quietContact({ movement: { previousAuthority: 'E06000055', planInPreviousAuthority: 'cin' } }) }],
    doesNotFire: [{ name: 'a plan named without any move', contact: quietContact({ movement: { planInPreviousAuthority: 'cin' } }) }],
  },
  'pre-birth-risk': {
    fires: [{ name: 'unborn with domestic abuse', contact: quietContact({ household: { domesticAbuse: true }, children: [child({ dateOfBirth: null, expectedDateOfBirth: '2027-03-01' })] }) }],
    doesNotFire: [{ name: 'unborn with no risk factor', contact: quietContact({ children: [child({ dateOfBirth: null, expectedDateOfBirth: '2027-03-01' })] }) }],
  },
  'extra-familial-harm': {
    fires: [{ name: 'child criminal exploitation', contact: quietContact({ concerns: ['24A'] }) }],
    doesNotFire: [{ name: 'self-harm', contact: quietContact({ concerns: ['15A'] }) }],
  },
  'fabricated-induced-illness': {
    fires: [{ name: 'FII suspected', contact: quietContact({ fabricatedOrInducedIllness: true }) }],
    doesNotFire: [{ name: 'FII not known', contact: quietContact({ fabricatedOrInducedIllness: null }) }],
  },
  'evidence-held': {
    fires: [{ name: 'body-worn video', contact: quietContact({ evidenceHeld: ['body_worn_video'] }) }],
    doesNotFire: [{ name: 'none held', contact: quietContact({ evidenceHeld: [] }) }],
  },
  fgm: {
    fires: [{ name: 'CIN 22A', contact: quietContact({ concerns: ['22A'] }) }],
    doesNotFire: [{ name: 'CIN 23A', contact: quietContact({ concerns: ['23A'] }) }],
  },
  'baby-harmed': {
    fires: [{ name: 'a ten-month-old who cruises, with a burn', contact: quietContact({ children: [child({ dateOfBirth: '2026-01-20', mobility: 'becoming_mobile', injuries: [{ type: 'burn', sites: ['hand'], explanation: 'iron', explanationAssessment: 'consistent' }] })] }) }],
    doesNotFire: [{ name: 'a two-year-old with a burn', contact: quietContact({ children: [child({ dateOfBirth: '2024-01-20', injuries: [{ type: 'burn', sites: ['hand'], explanation: 'iron', explanationAssessment: 'consistent' }] })] }) }],
  },
  'immediate-danger': {
    fires: [{ name: 'immediate danger', contact: quietContact({ immediateDanger: true }) }],
    doesNotFire: [{ name: 'not known', contact: quietContact({ immediateDanger: null }) }],
  },
  'speak-to-child': {
    fires: [
      { name: 'a six-year-old with an alleged assault', contact: quietContact({ concerns: ['18C'] }) },
      { name: 'a twenty-month-old who communicates', contact: quietContact({ concerns: ['18C'], children: [child({ dateOfBirth: '2025-03-01', communicates: true })] }) },
    ],
    doesNotFire: [
      { name: 'a twenty-month-old not recorded as communicating', contact: quietContact({ concerns: ['18C'], children: [child({ dateOfBirth: '2025-03-01', communicates: null })] }) },
      { name: 'no harm alleged', contact: quietContact() },
    ],
  },
  'history-incomplete': {
    fires: [{ name: 'the case system failed', contact: quietContact(), history: { complete: false } }],
    doesNotFire: [{ name: 'every source answered', contact: quietContact() }],
  },
};

describe('the rule pack', () => {
  it('has cases for every rule, and no cases for rules that do not exist', () => {
    expect(Object.keys(cases).sort()).toEqual(ruleSet.rules.map((r) => r.id).sort());
  });

  for (const [ruleId, { fires, doesNotFire }] of Object.entries(cases)) {
    describe(ruleId, () => {
      for (const c of fires) it(`fires: ${c.name}`, async () => { expect(await firedRules(c)).toContain(ruleId); });
      for (const c of doesNotFire) it(`does not fire: ${c.name}`, async () => { expect(await firedRules(c)).not.toContain(ruleId); });
    });
  }

  it('the quiet contact fires nothing', async () => {
    expect(await firedRules({ name: 'quiet', contact: quietContact() })).toEqual([]);
  });
});
