import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { deriveFacts, type Facts } from '../../../src/rules/facts.js';
import { OPERATORS, type ConditionNode } from '../../../src/rules/rule-file.js';
import { holds } from '../../../src/rules/response/conditions.js';
import type { Prompt } from '../../../src/rules/prompt.js';
import { decideResponse, ROUTE_RANK, urgencyRank } from '../../../src/rules/response/decide-response.js';
import { ResponseTableSchema } from '../../../src/rules/response/response-file.js';
import { loadSettings } from '../../../src/rules/settings.js';
import type { PromptAction } from '../../../src/schemas/codes.js';
import { quietContact } from '../../fixtures/contacts.js';

/**
 * The semantics of a response table (decide-response.ts), on a small table
 * of the test's own rather than the live pack's, so that each behaviour is
 * seen alone: first match wins, modifiers move the urgency with a reason,
 * floors are minimums, floor and implied prompts are added, duties follow
 * the route.
 */
const when = (fact: string, operator: (typeof OPERATORS)[number], value: unknown): ConditionNode => ({ fact, operator, value });

const table = ResponseTableSchema.parse({
  routes: [
    { id: 'danger', when: when('immediateDanger', 'equal', true), route: 'immediate_protection', reason: 'A child is in immediate danger: protect first.' },
    { id: 'harm', when: when('criticalPrompts', 'contains', 'strategy_discussion'), route: 's47_strategy', reason: 'A rule asks for a strategy discussion.' },
    { id: 'domestic-abuse', when: when('domesticAbuse', 'equal', true), route: 's17_assessment', reason: 'Domestic abuse in the household: assess the child’s needs.' },
    { id: 'domestic-abuse-again', when: when('domesticAbuse', 'equal', true), route: 'early_help', reason: 'Never used: the row above matches the same contacts first.' },
    { id: 'everything-else', route: 'advice_signpost', reason: 'Nothing above applies: advice and signposting.' },
  ],
  urgency: [
    { id: 'protect', when: when('route', 'equal', 'immediate_protection'), urgency: 'within_hours', reason: 'Protection cannot wait for the working day.' },
    { id: 'strategy', when: when('route', 'equal', 's47_strategy'), urgency: 'same_day', reason: 'A strategy discussion is held the same day.' },
    { id: 'assessment', when: when('route', 'equal', 's17_assessment'), urgency: 'one_working_day', reason: 'An assessment is decided within one working day.' },
    { id: 'assessment-again', when: when('route', 'equal', 's17_assessment'), urgency: 'none', reason: 'Never used: the row above matches the same contacts first.' },
    { id: 'otherwise', urgency: 'three_working_days', reason: 'Anything else within three working days.' },
  ],
  modifiers: [
    { id: 'young-child', kind: 'vulnerability', when: when('anyUnderFive', 'equal', true), move: 'raise', to: 'same_day', reason: 'A child under five ({{anyUnderFive|yesno}}) cannot keep themselves safe.' },
    { id: 'protective-adult', kind: 'protective_adult', when: when('protectiveAdultPresent', 'equal', true), move: 'lower', to: 'three_working_days', reason: 'A protective adult is at home ({{protectiveAdultPresent|yesno}}).' },
  ],
  floors: [{
    id: 'non-mobile-injury', when: when('nonMobileInjury', 'equal', true), route: 's47_strategy', urgency: 'same_day',
    prompts: ['paediatric_assessment', 'see_child_urgently'], reason: 'An injury to a child who is not mobile ({{nonMobileInjuredChildren|list}}) is never dealt with later.',
  }],
  duties: [{
    id: 'speak-to-child', when: when('route', 'in', ['s17_assessment', 's47_strategy']), prompts: ['speak_to_child'],
    reason: 'Assessment and enquiries include speaking with the child.', sources: ['Children Act 1989 s17 and s47'],
  }],
  implies: { strategy_discussion: ['multi_agency_review', 'household_checks'] },
  guards: [],
  sources: ['The test table'],
});

const quietFacts = deriveFacts(quietContact(), { priorContacts: [0], caseSystem: [], complete: true }, loadSettings('rules/settings').national).facts;
const facts = (overrides: Partial<Facts> = {}): Facts => ({ ...quietFacts, ...overrides });
const rulePrompt = (action: PromptAction, indicator: 'critical' | 'warning', rule: string): Prompt =>
  ({ action, indicator, summary: action, detail: `Raised by ${rule}.`, raisedBy: [rule], sources: [`${rule} source`] });
const decide = (overrides: Partial<Facts> = {}, prompts: Prompt[] = []) => decideResponse(table, facts(overrides), prompts);
const stepsOf = (decision: ReturnType<typeof decide>, kind: string) => decision.steps.filter((s) => s.step === kind);
const prompt = (decision: ReturnType<typeof decide>, action: PromptAction) => decision.prompts.filter((p) => p.action === action);

describe('the response table', () => {
  describe('routes and urgency: the first row that holds wins', () => {
    it('uses the first matching row, not a later one that also matches', () => {
      const decision = decide({ domesticAbuse: true });
      expect(decision.route).toBe('s17_assessment');
      expect(decision.urgency).toBe('one_working_day');
      expect(decision.steps).toEqual([
        { step: 'route', id: 'domestic-abuse', reason: 'Domestic abuse in the household: assess the child’s needs.' },
        { step: 'urgency', id: 'assessment', reason: 'An assessment is decided within one working day.' },
      ]);
    });

    it('an earlier row wins over a later one', () => {
      const decision = decide({ domesticAbuse: true, immediateDanger: true });
      expect([decision.route, decision.urgency]).toEqual(['immediate_protection', 'within_hours']);
      expect(decision.steps.map((s) => s.id)).toEqual(['danger', 'protect']);
    });

    it('the last row, with no condition, catches everything else', () => {
      const decision = decide();
      expect([decision.route, decision.urgency]).toEqual(['advice_signpost', 'three_working_days']);
      expect(decision.steps.map((s) => `${s.step}:${s.id}`)).toEqual(['route:everything-else', 'urgency:otherwise']);
      expect(decision.prompts).toEqual([]);
    });

    it('a rule’s critical prompt can choose the route', () => {
      expect(decide({}, [rulePrompt('strategy_discussion', 'critical', 'some-rule')]).route).toBe('s47_strategy');
      expect(decide({}, [rulePrompt('strategy_discussion', 'warning', 'some-rule')]).route).toBe('advice_signpost');
    });
  });

  describe('modifiers', () => {
    it('a raise moves the urgency up and records the step, from, to and its reason', () => {
      const decision = decide({ domesticAbuse: true, anyUnderFive: true });
      expect(decision.urgency).toBe('same_day');
      expect(stepsOf(decision, 'modifier')).toEqual([
        { step: 'modifier', id: 'young-child', from: 'one_working_day', to: 'same_day', reason: 'A child under five (yes) cannot keep themselves safe.' },
      ]);
    });

    it('a raise that would not move the urgency does nothing and records nothing', () => {
      const decision = decide({ immediateDanger: true, anyUnderFive: true });
      expect(decision.urgency).toBe('within_hours');
      expect(stepsOf(decision, 'modifier')).toEqual([]);
    });

    it('a lower moves the urgency down and records its reason', () => {
      const decision = decide({ domesticAbuse: true, protectiveAdultPresent: true });
      expect(decision.urgency).toBe('three_working_days');
      expect(stepsOf(decision, 'modifier')).toEqual([
        { step: 'modifier', id: 'protective-adult', from: 'one_working_day', to: 'three_working_days', reason: 'A protective adult is at home (yes).' },
      ]);
    });

    it('modifiers apply in the table’s order, each from where the last left it', () => {
      const decision = decide({ domesticAbuse: true, anyUnderFive: true, protectiveAdultPresent: true });
      expect(stepsOf(decision, 'modifier').map(({ id, from, to }) => ({ id, from, to }))).toEqual([
        { id: 'young-child', from: 'one_working_day', to: 'same_day' },
        { id: 'protective-adult', from: 'same_day', to: 'three_working_days' },
      ]);
      expect(decision.urgency).toBe('three_working_days');
    });
  });

  describe('floors', () => {
    it('raise the route and the urgency, recording both', () => {
      const decision = decide({ nonMobileInjury: true, nonMobileInjuredChildren: ['child 1 (3 months)'] });
      expect([decision.route, decision.urgency]).toEqual(['s47_strategy', 'same_day']);
      expect(stepsOf(decision, 'floor')).toEqual([{
        step: 'floor', id: 'non-mobile-injury', from: 'advice_signpost, three_working_days', to: 's47_strategy, same_day',
        reason: 'An injury to a child who is not mobile (child 1 (3 months)) is never dealt with later.',
      }]);
    });

    it('no lower modifier takes a floor case below its floor', () => {
      const decision = decide({ nonMobileInjury: true, domesticAbuse: true, protectiveAdultPresent: true });
      expect(decision.steps.map((s) => `${s.step}:${s.id}`)).toEqual(['route:domestic-abuse', 'urgency:assessment', 'modifier:protective-adult', 'floor:non-mobile-injury']);
      expect([decision.route, decision.urgency]).toEqual(['s47_strategy', 'same_day']);
    });

    it('hold whatever else is true of the contact', () => {
      const flags = ['immediateDanger', 'domesticAbuse', 'anyUnderFive', 'protectiveAdultPresent'] as const;
      for (let bits = 0; bits < 2 ** (flags.length + 1); bits++) {
        const overrides = Object.fromEntries(flags.map((f, i) => [f, (bits & (1 << i)) !== 0]));
        const prompts = bits & (1 << flags.length) ? [rulePrompt('strategy_discussion', 'critical', 'some-rule')] : [];
        const decision = decide({ ...overrides, nonMobileInjury: true }, prompts);
        expect(ROUTE_RANK[decision.route], JSON.stringify(overrides)).toBeGreaterThanOrEqual(ROUTE_RANK.s47_strategy);
        expect(urgencyRank(decision.urgency), JSON.stringify(overrides)).toBeLessThanOrEqual(urgencyRank('same_day'));
      }
    });

    it('never lower what is already above them', () => {
      const decision = decide({ nonMobileInjury: true, immediateDanger: true });
      expect([decision.route, decision.urgency]).toEqual(['immediate_protection', 'within_hours']);
      expect(stepsOf(decision, 'floor')).toEqual([]);
    });

    it('add their prompts as critical when no rule raised them', () => {
      const decision = decide({ nonMobileInjury: true });
      for (const action of ['paediatric_assessment', 'see_child_urgently'] as const) {
        expect(prompt(decision, action)).toEqual([expect.objectContaining({ indicator: 'critical', raisedBy: ['response:non-mobile-injury'], sources: ['The test table'] })]);
      }
    });

    it('do not add a second prompt where a rule raised it', () => {
      const decision = decide({ nonMobileInjury: true }, [rulePrompt('paediatric_assessment', 'critical', 'non-mobile-rule')]);
      expect(prompt(decision, 'paediatric_assessment')).toEqual([expect.objectContaining({ raisedBy: ['non-mobile-rule'] })]);
      expect(prompt(decision, 'see_child_urgently')).toEqual([expect.objectContaining({ indicator: 'critical', raisedBy: ['response:non-mobile-injury'] })]);
    });

    it('do nothing when their condition does not hold', () => {
      const decision = decide({ nonMobileInjury: false });
      expect(stepsOf(decision, 'floor')).toEqual([]);
      expect(prompt(decision, 'paediatric_assessment')).toEqual([]);
    });
  });

  describe('implied prompts', () => {
    it('are added, as warnings, for a prompt a rule raised', () => {
      const decision = decide({}, [rulePrompt('strategy_discussion', 'critical', 'some-rule')]);
      for (const action of ['multi_agency_review', 'household_checks'] as const) {
        expect(prompt(decision, action)).toEqual([expect.objectContaining({ indicator: 'warning', raisedBy: ['implied:strategy_discussion'], sources: ['some-rule source'] })]);
      }
    });

    it('are not added twice where a rule raised them', () => {
      const decision = decide({}, [rulePrompt('strategy_discussion', 'critical', 'some-rule'), rulePrompt('multi_agency_review', 'critical', 'other-rule')]);
      expect(prompt(decision, 'multi_agency_review')).toEqual([expect.objectContaining({ indicator: 'critical', raisedBy: ['other-rule'] })]);
    });

    it('are not added without the prompt that implies them', () => {
      const decision = decide({}, [rulePrompt('paediatric_assessment', 'critical', 'some-rule')]);
      expect(decision.prompts.map((p) => p.action)).toEqual(['paediatric_assessment']);
    });
  });

  describe('duties', () => {
    it('add their prompts on the routes they name, with their reason and sources', () => {
      const decision = decide({ domesticAbuse: true });
      expect(prompt(decision, 'speak_to_child')).toEqual([expect.objectContaining({
        indicator: 'warning', raisedBy: ['duty:speak-to-child'], detail: 'Assessment and enquiries include speaking with the child.', sources: ['Children Act 1989 s17 and s47'],
      })]);
    });

    it('add nothing on a route they do not name', () => {
      expect(prompt(decide(), 'speak_to_child')).toEqual([]);
      expect(prompt(decide({ immediateDanger: true }), 'speak_to_child')).toEqual([]);
    });

    it('follow the route the contact ends on, after the floors', () => {
      const decision = decide({ nonMobileInjury: true });
      expect(decision.route).toBe('s47_strategy');
      expect(prompt(decision, 'speak_to_child')).toHaveLength(1);
    });
  });
});

describe('conditions.ts holds, against json-rules-engine', () => {
  type Sample = [operator: (typeof OPERATORS)[number], fact: unknown, value: unknown, other?: unknown];
  const samples: Sample[] = [
    ['equal', true, true], ['equal', true, false], ['equal', null, true], ['equal', null, null], ['equal', 'cp', 'cp'], ['equal', 2, '2'], ['equal', 0, false],
    ['notEqual', true, true], ['notEqual', null, true], ['notEqual', 'cp', 'cin'], ['notEqual', 2, '2'],
    ['in', 'cp', ['cp', 'cin']], ['in', 'none', ['cp', 'cin']], ['in', null, ['cp']], ['in', null, [null, 'cp']], ['in', 2, [1, 2]],
    ['notIn', 'cp', ['cp', 'cin']], ['notIn', 'none', ['cp', 'cin']], ['notIn', null, ['cp']],
    ['contains', ['strategy_discussion', 'speak_to_child'], 'speak_to_child'], ['contains', ['speak_to_child'], 'strategy_discussion'],
    ['contains', [], 'speak_to_child'], ['contains', null, 'speak_to_child'], ['contains', 'speak_to_child', 'speak'],
    ['doesNotContain', ['speak_to_child'], 'strategy_discussion'], ['doesNotContain', ['speak_to_child'], 'speak_to_child'],
    ['doesNotContain', null, 'speak_to_child'], ['doesNotContain', 'speak_to_child', 'x'],
    ['lessThan', 1, 2], ['lessThan', 2, 2], ['lessThan', -3, 0], ['lessThan', null, 2], ['lessThan', true, 2],
    ['lessThanInclusive', 2, 2], ['lessThanInclusive', 3, 2], ['lessThanInclusive', null, 0], ['lessThanInclusive', false, 0],
    ['greaterThan', 3, 2], ['greaterThan', 2, 2], ['greaterThan', null, 0], ['greaterThan', null, -1],
    ['greaterThanInclusive', 2, 2], ['greaterThanInclusive', 1, 2], ['greaterThanInclusive', null, 0],
    // A fact named as the value, as the repeat-contact rules compare with a setting.
    ['greaterThanInclusive', 3, { fact: 'other' }, 2], ['greaterThanInclusive', 1, { fact: 'other' }, 2], ['equal', 'cp', { fact: 'other' }, 'cp'],
  ];

  async function engineHolds(operator: string, fact: unknown, value: unknown, other: unknown): Promise<boolean> {
    const engine = new Engine([], { allowUndefinedFacts: false });
    engine.addRule({ conditions: { all: [{ fact: 'x', operator, value }] } as never, event: { type: 'held' } });
    const { events } = await engine.run(other === undefined ? { x: fact } : { x: fact, other });
    return events.length === 1;
  }

  it.each(samples)('%s: %j against %j', async (operator, fact, value, other) => {
    const expected = await engineHolds(operator, fact, value, other);
    expect(holds({ fact: 'x', operator, value }, { x: fact as never, other: other as never })).toBe(expected);
  });

  it('samples every operator a rule file may use', () => {
    expect(new Set(samples.map(([operator]) => operator))).toEqual(new Set(OPERATORS));
  });

  it('a numeric operator on null is false in both, though JavaScript alone says null <= 0 and null >= 0', async () => {
    for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const) {
      expect(await engineHolds(operator, null, 0, undefined), operator).toBe(false);
      expect(holds({ fact: 'x', operator, value: 0 }, { x: null }), operator).toBe(false);
    }
  });
});
