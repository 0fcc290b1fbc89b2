import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCasesFor, ruleTestFiles } from '../../../src/rules/check.js';
import { child, quietContact } from '../../fixtures/contacts.js';
import { BORN, aged, baby, describeRuleCases, firedRules, ruleSet, unborn, type RuleCases } from './rule-pack.harness.js';

/**
 * The rule pack's cases are split by area, one rule-pack*.test.ts each. This
 * file holds the rules about the referrer, the children's ages, history and
 * earlier contacts, and checks that the files together cover the pack.
 * A contact alleging emotional abuse (CIN 17A) stands for "harm is alleged".
 */
const cases: RuleCases = {
  'immediate-danger': {
    fires: [{ name: 'immediate danger', contact: quietContact({ immediateDanger: true }) }],
    doesNotFire: [{ name: 'not known', contact: quietContact({ immediateDanger: null }) }],
  },
  'evidence-held': {
    fires: [{ name: 'body-worn video', contact: quietContact({ evidenceHeld: ['body_worn_video'] }) }],
    doesNotFire: [{ name: 'none held', contact: quietContact({ evidenceHeld: [] }) }],
  },
  'history-incomplete': {
    fires: [{ name: 'the case system failed', contact: quietContact(), history: { complete: false } }],
    doesNotFire: [{ name: 'every source answered', contact: quietContact() }],
  },
  'under-one': {
    fires: [
      { name: 'neglect alleged with a baby in the household', contact: quietContact({ concerns: ['16A'], children: [child(), baby()] }) },
      { name: 'domestic abuse with an unborn child', contact: quietContact({ household: { domesticAbuse: true }, children: [unborn()] }) },
    ],
    doesNotFire: [
      { name: 'a baby, with no harm alleged', contact: quietContact({ children: [child(), baby()] }) },
      { name: 'neglect alleged of a child just over one', contact: quietContact({ concerns: ['16A'], children: [aged(BORN.years1)] }) },
    ],
  },
  'unchecked-adult': {
    fires: [{ name: 'harm alleged, the mother not yet checked', contact: quietContact({ concerns: ['17A'], adults: [{ role: 'mother', checksCompleted: null }] }) }],
    doesNotFire: [
      { name: 'harm alleged, every adult checked', contact: quietContact({ concerns: ['17A'] }) },
      { name: 'an adult not checked, no harm alleged', contact: quietContact({ adults: [{ role: 'mother', checksCompleted: null }] }) },
      { name: 'an adult not checked, the concern already acted on', contact: quietContact({ concerns: ['17A'], alreadyActedOn: true, adults: [{ role: 'mother', checksCompleted: null }] }) },
    ],
  },
  'anonymous-referrer': {
    fires: [{ name: 'CIN 9', contact: quietContact({ referrer: { source: '9' } }) }],
    doesNotFire: [{ name: 'CIN 10 (unknown)', contact: quietContact({ referrer: { source: '10' } }) }],
  },
  'anonymous-referrer-harm': {
    fires: [{ name: 'an anonymous caller alleging harm', contact: quietContact({ referrer: { source: '9' }, concerns: ['17A'] }) }],
    doesNotFire: [
      { name: 'an anonymous caller alleging no harm', contact: quietContact({ referrer: { source: '9' } }) },
      { name: 'an unknown source alleging harm', contact: quietContact({ referrer: { source: '10' }, concerns: ['17A'] }) },
      { name: 'an anonymous caller repeating a concern already acted on', contact: quietContact({ referrer: { source: '9' }, concerns: ['17A'], alreadyActedOn: true }) },
    ],
  },
  'non-professional-referrer': {
    fires: ['1A', '1B', '1C', '1D'].map((source) => ({ name: `CIN ${source}`, contact: quietContact({ referrer: { source: source as never } }) })),
    doesNotFire: ['2A', '6', '9'].map((source) => ({ name: `CIN ${source}`, contact: quietContact({ referrer: { source: source as never } }) })),
  },
  'non-professional-referrer-harm': {
    fires: [{ name: 'a relative alleging harm', contact: quietContact({ referrer: { source: '1B' }, concerns: ['17A'] }) }],
    doesNotFire: [
      { name: 'a relative alleging no harm', contact: quietContact({ referrer: { source: '1B' } }) },
      { name: 'a school alleging harm', contact: quietContact({ referrer: { source: '2A' }, concerns: ['17A'] }) },
    ],
  },
  'public-report-young-child': {
    fires: [
      { name: 'a relative alleging harm to a three-year-old', contact: quietContact({ referrer: { source: '1A' }, concerns: ['17A'], children: [aged(BORN.years3)] }) },
      { name: 'an anonymous caller reporting domestic abuse in a pregnancy', contact: quietContact({ referrer: { source: '9' }, household: { domesticAbuse: true }, children: [unborn()] }) },
    ],
    doesNotFire: [
      { name: 'a relative alleging harm to a six-year-old', contact: quietContact({ referrer: { source: '1A' }, concerns: ['17A'] }) },
      { name: 'a health visitor alleging harm to a three-year-old', contact: quietContact({ referrer: { source: '3B' }, concerns: ['17A'], children: [aged(BORN.years3)] }) },
      { name: 'a relative repeating a concern already acted on', contact: quietContact({ referrer: { source: '1A' }, concerns: ['17A'], alreadyActedOn: true, children: [aged(BORN.years3)] }) },
    ],
  },
  'open-case': {
    fires: [
      { name: 'a current CiN plan', contact: quietContact({ children: [child({ history: { cinCurrent: true } })] }) },
      { name: 'looked after, from the case system', contact: quietContact(), history: { caseSystem: [{ lookedAfterCurrent: true }] } },
    ],
    doesNotFire: [{ name: 'a closed CiN plan', contact: quietContact({ children: [child({ history: { cinPrevious: true, cinCurrent: false } })] }) }],
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
  'prior-cp-history-new-concern': {
    fires: [{ name: 'a previous plan and harm alleged now', contact: quietContact({ concerns: ['17A'], children: [child({ history: { cpPlanPrevious: true } })] }) }],
    doesNotFire: [
      { name: 'a previous plan, no harm alleged', contact: quietContact({ children: [child({ history: { cpPlanPrevious: true } })] }) },
      { name: 'on a plan now: the allocated worker leads', contact: quietContact({ concerns: ['17A'], children: [child({ history: { cpPlanCurrent: true } })] }) },
      { name: 'a previous plan, the concern already acted on', contact: quietContact({ concerns: ['17A'], alreadyActedOn: true, children: [child({ history: { cpPlanPrevious: true } })] }) },
    ],
  },
  'repeat-contacts': {
    fires: [
      { name: 'two earlier contacts, harm alleged', contact: quietContact({ concerns: ['17A'] }), history: { priorContacts: [2] } },
      { name: 'two earlier contacts known to the case system', contact: quietContact({ concerns: ['17A'] }), history: { caseSystem: [{ contactsLast12Months: 2 }] } },
    ],
    doesNotFire: [
      { name: 'one earlier contact', contact: quietContact({ concerns: ['17A'] }), history: { priorContacts: [1] } },
      { name: 'two earlier contacts, no harm alleged', contact: quietContact(), history: { priorContacts: [2] } },
      { name: 'two earlier contacts, the case open', contact: quietContact({ concerns: ['17A'], children: [child({ history: { cinCurrent: true } })] }), history: { priorContacts: [2] } },
    ],
  },
  'repeat-contacts-escalation': {
    fires: [{ name: 'three earlier contacts, harm alleged', contact: quietContact({ concerns: ['17A'] }), history: { priorContacts: [3] } }],
    doesNotFire: [
      { name: 'two earlier contacts', contact: quietContact({ concerns: ['17A'] }), history: { priorContacts: [2] } },
      { name: 'three, where the authority sets five', contact: quietContact({ concerns: ['17A'] }), history: { priorContacts: [3] }, settings: { repeatContactStrategyThreshold: 5 } },
      { name: 'three earlier contacts, no harm alleged', contact: quietContact(), history: { priorContacts: [3] } },
    ],
  },
};

describeRuleCases('referrer, ages, history and earlier contacts', cases);

describe('the rule pack as a whole', () => {
  const files = ruleTestFiles('tests/unit/rules');

  it('has cases for every rule in one of the rule-pack*.test.ts files, and in only one', () => {
    const texts = files.map((file) => ({ file: basename(file), text: readFileSync(file, 'utf8') }));
    const where = Object.fromEntries(ruleSet.rules.map((r) => [r.id, texts.filter(({ text }) => hasCasesFor(text, r.id)).map(({ file }) => file)]));
    expect(Object.entries(where).filter(([, found]) => found.length !== 1)).toEqual([]);
    expect(files.length).toBeGreaterThan(1);
  });

  it('the quiet contact fires nothing', async () => {
    expect(await firedRules({ name: 'quiet', contact: quietContact() })).toEqual([]);
  });
});
