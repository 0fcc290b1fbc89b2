import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/rules/accuracy/corpus.js';
import { Evaluator } from '../../../src/rules/evaluate.js';
import { deriveFacts } from '../../../src/rules/facts.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { loadSettings } from '../../../src/rules/settings.js';

const settings = loadSettings('rules/settings').national;
const corpus = loadCorpus('tests/corpus');

/**
 * The what-if replay asks the evaluator only for what a screener would be
 * shown (decide), skipping the explanation of every rule that did not fire.
 * It must be exactly the triage's route, urgency, priority, score, response
 * and prompts, or the replay would report changes a rule set does not make.
 */
describe('the decision alone (what the what-if replay compares)', () => {
  it('is the full triage without its rules, for every corpus contact, with and without history', async () => {
    const evaluator = new Evaluator(loadRuleSet('rules'));
    let compared = 0;
    for (const contact of corpus) {
      for (const prior of [0, 3]) {
        const { facts } = deriveFacts(contact.body, { priorContacts: Array(contact.body.children.length).fill(prior), caseSystem: [], complete: prior === 0 }, settings);
        const { rules: _rules, ...full } = await evaluator.evaluate(facts);
        expect(await evaluator.decide(facts), contact.id).toEqual(full);
        compared += 1;
      }
    }
    expect(compared).toBe(corpus.length * 2);
    expect(compared).toBeGreaterThan(100);
  });
});
