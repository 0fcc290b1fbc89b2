import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/rules/accuracy/corpus.js';
import { Evaluator } from '../../../src/rules/evaluate.js';
import { deriveFacts } from '../../../src/rules/facts.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { loadSettings } from '../../../src/rules/settings.js';

const settings = loadSettings('rules/settings').national;
const facts = loadCorpus('tests/corpus').map((c) =>
  deriveFacts(c.body, { priorContacts: Array(c.body.children.length).fill(0), caseSystem: [], complete: true }, settings).facts);
const shown = (t: Awaited<ReturnType<Evaluator['evaluate']>>) => ({
  fired: t.rules.filter((r) => r.fired).map((r) => r.id), prompts: t.prompts.map((p) => `${p.action}:${p.indicator}`), route: t.route, urgency: t.urgency,
});

/**
 * The service evaluates concurrent requests on one Evaluator. json-rules-engine keeps a run's status on its
 * engine, so on a shared engine a run that finished could make another, started just before, skip its rules:
 * a contact triaged while another was would lose prompts. Every contact must be triaged the same alone or in a crowd.
 */
describe('rule evaluation under concurrent requests', () => {
  it('gives each corpus contact the same triage when they arrive a few ticks apart on one evaluator as when each is evaluated alone', async () => {
    const alone: ReturnType<typeof shown>[] = [];
    for (const f of facts) {
      alone.push(shown(await new Evaluator(loadRuleSet('rules')).evaluate(f)));
    }
    const shared = new Evaluator(loadRuleSet('rules'));
    for (let stagger = 0; stagger < 12; stagger++) {
      // Requests arrive a few ticks apart, as they do at a server: each starts while others are part way through.
      const pending: ReturnType<Evaluator['evaluate']>[] = [];
      for (const [i, f] of facts.entries()) {
        pending.push(shared.evaluate(f));
        for (let tick = 0; tick < (i * stagger) % 13; tick++) await Promise.resolve();
      }
      expect((await Promise.all(pending)).map(shown)).toEqual(alone);
    }
    expect(alone.filter((t) => t.fired.length > 0).length).toBeGreaterThan(facts.length / 2);
  });
});
