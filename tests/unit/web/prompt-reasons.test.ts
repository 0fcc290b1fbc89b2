import { describe, expect, it } from 'vitest';
import type { Prompt, RuleOutcome } from '../../../src/rules/evaluate.js';
import { cardReasons, listReasons } from '../../../src/web/prompt-reasons.js';

const prompt = (action: Prompt['action'], raisedBy: string[], detail = ''): Prompt =>
  ({ action, indicator: 'critical', summary: `Do ${action}`, detail, raisedBy, sources: [] });
const rule = (id: string, rationale: string): RuleOutcome => ({ id, fired: true, rationale, conditions: [] });

describe('reasons on prompt cards', () => {
  const rules = [
    rule('baby-harmed', 'A baby is hurt. Enquiries are joint with the police.'),
    rule('non-mobile', 'A baby who cannot move about is hurt. A paediatrician sees the baby today.'),
  ];
  const prompts = [
    prompt('strategy_discussion', ['baby-harmed', 'non-mobile']),
    prompt('paediatric_assessment', ['baby-harmed', 'non-mobile']),
    prompt('household_checks', ['implied:strategy_discussion'], 'It goes with the prompt to convene a strategy discussion.'),
  ];

  it('gives each rule its reason in full on the first (most serious) card, and a pointer with its first sentence after', () => {
    const cards = cardReasons(prompts, rules);
    expect(cards.get('strategy_discussion')).toEqual([
      { id: 'baby-harmed', text: 'A baby is hurt. Enquiries are joint with the police.' },
      { id: 'non-mobile', text: 'A baby who cannot move about is hurt. A paediatrician sees the baby today.' },
    ]);
    expect(cards.get('paediatric_assessment')).toEqual([
      { id: 'baby-harmed', text: 'A baby is hurt.', givenUnder: { action: 'strategy_discussion', summary: 'Do strategy_discussion' } },
      { id: 'non-mobile', text: 'A baby who cannot move about is hurt.', givenUnder: { action: 'strategy_discussion', summary: 'Do strategy_discussion' } },
    ]);
    expect(cards.get('household_checks')).toEqual([{ id: 'implied:strategy_discussion', text: 'It goes with the prompt to convene a strategy discussion.' }]);
  });

  it('says a sentence two rules share once on a card', () => {
    const shared = [rule('a', 'Two appointments were missed. Ask the GP.'), rule('b', 'Two appointments were missed. Ask the health visitor.')];
    expect(cardReasons([prompt('multi_agency_review', ['a', 'b'])], shared).get('multi_agency_review')).toEqual([
      { id: 'a', text: 'Two appointments were missed. Ask the GP.' },
      { id: 'b', text: 'Ask the health visitor.' },
    ]);
  });

  it('in a list of whole details, leaves out what an earlier prompt said', () => {
    const listed = listReasons([
      prompt('strategy_discussion', ['x'], 'A baby is hurt. Enquiries are joint with the police.'),
      prompt('paediatric_assessment', ['x', 'y'], 'A baby is hurt. A paediatrician sees the baby today.'),
      prompt('see_child_urgently', ['x'], 'A baby is hurt.'),
    ]);
    expect([...listed.values()]).toEqual([
      'A baby is hurt. Enquiries are joint with the police.',
      'A paediatrician sees the baby today.',
      'For the reasons given above.',
    ]);
  });
});
