import { describe, expect, it } from 'vitest';
import { countOf, joinWords, plural } from '../../../src/lib/plural.js';
import { FACT_CATALOGUE } from '../../../src/rules/facts.js';
import { describeRationale, renderRationale, templateFaults } from '../../../src/rules/rationale.js';
import { parseTemplate } from '../../../src/rules/template.js';
import { Evaluator } from '../../../src/rules/evaluate.js';
import { deriveFacts } from '../../../src/rules/facts.js';
import { hashRuleSet, loadRuleSet, ruleSetFromStored } from '../../../src/rules/rule-set.js';
import { loadSettings } from '../../../src/rules/settings.js';
import { child, quietContact } from '../../fixtures/contacts.js';

const facts = new Set(Object.keys(FACT_CATALOGUE));
const render = (template: string, values: Record<string, unknown>) => {
  expect(parseTemplate(template, facts).faults).toEqual([]);
  return renderRationale(template, values as never, 2);
};

describe('one plural helper', () => {
  it('gives the form that goes with the count, irregular words included', () => {
    expect(countOf(1, 'baby')).toBe('1 baby');
    expect(countOf(2, 'baby')).toBe('2 babies');
    expect(countOf(1, 'child')).toBe('1 child');
    expect(countOf(3, 'child')).toBe('3 children');
    expect(countOf(1, 'adult')).toBe('1 adult');
    expect(countOf(0, 'adult')).toBe('0 adults');
    expect(countOf(4, 'earlier contact')).toBe('4 earlier contacts');
    expect(countOf(2, 'day')).toBe('2 days');
    expect(countOf(2, 'emergency attendance')).toBe('2 emergency attendances');
    expect(plural(2, 'person')).toBe('people');
    expect(plural(2, 'criterion', 'criteria')).toBe('criteria');
  });

  it('joins words as a person writes them', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'], 'or')).toBe('a, b or c');
  });
});

describe('reason templates (templates: 2)', () => {
  it('counts with the right plural', () => {
    const t = '{{injuredBabyCount|count:baby}} under one, {{uncheckedAdultCount|count:adult}} unchecked.';
    expect(render(t, { injuredBabyCount: 1, uncheckedAdultCount: 1 })).toBe('1 baby under one, 1 adult unchecked.');
    expect(render(t, { injuredBabyCount: 2, uncheckedAdultCount: 3 })).toBe('2 babies under one, 3 adults unchecked.');
  });

  it('names only the facts that hold, joined "a, b and c", with a capital where a sentence starts', () => {
    const t = '{{and ten4FacesInjury: a TEN-4-FACESp bruise; patternedInjury: a patterned mark; multipleInjuries: several injuries}} are recorded.';
    expect(render(t, { ten4FacesInjury: true, patternedInjury: false, multipleInjuries: true })).toBe('A TEN-4-FACESp bruise and several injuries are recorded.');
    expect(render(t, { ten4FacesInjury: true, patternedInjury: true, multipleInjuries: true })).toBe('A TEN-4-FACESp bruise, a patterned mark and several injuries are recorded.');
    expect(render('Either {{or forcedMarriage: a forced marriage; honourBasedViolence: honour-based violence}}.', { forcedMarriage: true, honourBasedViolence: true }))
      .toBe('Either a forced marriage or honour-based violence.');
  });

  it('says a phrase once when any of its facts holds, and the else phrase when none does', () => {
    const t = 'Hear {{and anyInjury,physicalAbuseConcern: how they were hurt; domesticAbuse: what they heard; else: what life is like}}.';
    expect(render(t, { anyInjury: true, physicalAbuseConcern: true, domesticAbuse: false })).toBe('Hear how they were hurt.');
    expect(render(t, { anyInjury: false, physicalAbuseConcern: false, domesticAbuse: false })).toBe('Hear what life is like.');
  });

  it('leaves out a conditional phrase without leaving a doubled space or "not known"', () => {
    const t = 'An unborn child{{if daysToDueDate: , due in {{daysToDueDate|count:day}},}} has risks around them.';
    expect(render(t, { daysToDueDate: 40 })).toBe('An unborn child, due in 40 days, has risks around them.');
    expect(render(t, { daysToDueDate: null })).toBe('An unborn child has risks around them.');
    expect(render('A {{unless anyUnborn: born}} child is named  here.', { anyUnborn: true })).toBe('A child is named here.');
    expect(render('It is {{if fiiLevel=induced_harm: induced}}{{if fiiLevel=suspected: suspected}}.', { fiiLevel: 'suspected' })).toBe('It is suspected.');
    const weapon = 'High risk{{if domesticAbuseStrangulation,domesticAbuseWeapon: , with {{and domesticAbuseStrangulation: strangulation; domesticAbuseWeapon: a weapon}}}}.';
    expect(render(weapon, { domesticAbuseStrangulation: false, domesticAbuseWeapon: true })).toBe('High risk, with a weapon.');
    expect(render(weapon, { domesticAbuseStrangulation: true, domesticAbuseWeapon: true })).toBe('High risk, with strangulation and a weapon.');
    expect(render(weapon, { domesticAbuseStrangulation: false, domesticAbuseWeapon: false })).toBe('High risk.');
    expect(templateFaults('{{if anyInjury,domesticAbuse=true: x}}', 2)).toEqual(['{{if anyInjury,domesticAbuse=true: x}} compares more than one fact with "="']);
  });

  it('reads codes and lists as words', () => {
    expect(render('An agency holds evidence ({{evidenceHeldKinds}}).', { evidenceHeldKinds: ['photos', 'body_map', 'medical_report'] }))
      .toBe('An agency holds evidence (photos, body map and medical report).');
  });

  it('describes its placeholders for the transparency record', () => {
    expect(describeRationale('{{and anyInjury: an injury; else: nothing}} on {{nonMobileInjuredChildren}}{{if daysToDueDate: , due soon}}.', 2))
      .toBe('[those that hold of: an injury (anyInjury); if none, nothing] on [nonMobileInjuredChildren][if daysToDueDate: , due soon].');
  });

  it('reports every fault, each quoting its placeholder', () => {
    expect(templateFaults('{{nope}} and {{anyInjury|shout}} and {{if anyInjury}} and {{and : x}}', 2)).toEqual([
      '{{nope}} names unknown fact "nope" (see FACT_CATALOGUE in src/rules/facts.ts)',
      '{{anyInjury|shout}} uses unknown format "shout" (use age, list, count:noun, count:noun:plural)',
      '{{if anyInjury}} needs "if fact: text"',
      '{{and : x}}: ": x" is not "fact: phrase"',
      '{{and : x}} lists no facts',
    ]);
    expect(templateFaults('Open {{anyInjury', 2)[0]).toMatch(/never closed/);
    expect(templateFaults('Closed}} twice', 2)[0]).toMatch(/a stray "\}\}"/);
  });
});

describe('the first template language, kept for packs stored before templates: 2', () => {
  it('renders as it always did, so old triages replay to the same words', () => {
    expect(renderRationale('Strangulation {{domesticAbuseStrangulation|yesno}}; kinds {{evidenceHeldKinds|list}}; due {{daysToDueDate}}.', {
      domesticAbuseStrangulation: false, evidenceHeldKinds: ['photos', 'body_map'], daysToDueDate: null,
    } as never)).toBe('Strangulation no; kinds photos, body_map; due not known.');
    // The old pattern read no digits in a fact name, so the placeholder was shown as written: replays must show it so too.
    expect(renderRationale('Site {{ten4FacesInjury|yesno}}.', { ten4FacesInjury: true } as never)).toBe('Site {{ten4FacesInjury|yesno}}.');
  });

  it('a stored pack without templates: 2 is evaluated in the first language, and the live pack in the second', async () => {
    const live = loadRuleSet('rules');
    const injury = live.rules.find((r) => r.id === 'concerning-injury');
    expect(injury).toBeDefined();
    const old = { ...(injury as NonNullable<typeof injury>), rationale: 'Concerning: TEN-4 {{ten4FacesInjury|yesno}}; pattern {{patternedInjury|yesno}}; unexplained {{unsuitableExplanation|yesno}}.' };
    const content = { manifest: { name: 'old pack', version: '2026.12.3' }, rules: [old] };
    const stored = ruleSetFromStored(hashRuleSet(content), content);
    const contact = quietContact({ children: [child({ dateOfBirth: '2024-02-10', injuries: [{ type: 'bruise', sites: ['eyelids'], pattern: [], explanation: null, explanationAssessment: 'none' }] })] });
    const { facts } = deriveFacts(contact, { priorContacts: [0], caseSystem: [], complete: true }, loadSettings('rules/settings').national);
    const oldTriage = await new Evaluator(stored).evaluate(facts);
    expect(oldTriage.rules[0]?.rationale).toBe('Concerning: TEN-4 {{ten4FacesInjury|yesno}}; pattern no; unexplained yes.');
    const liveTriage = await new Evaluator(live).evaluate(facts);
    expect(liveTriage.rules.find((r) => r.id === 'concerning-injury')?.rationale)
      .toBe('An injury is concerning for abuse: a bruise or mark at a TEN-4-FACESp site or age and no explanation, or one that does not fit the injury.');
  });
});

