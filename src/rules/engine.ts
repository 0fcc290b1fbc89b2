import { Engine, Rule } from 'json-rules-engine';
import type { RuleSet } from './rule-set.js';

/** No other module touches json-rules-engine: this builds the engine once per rule set. */
export function buildEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const rule of ruleSet.rules) {
    engine.addRule(new Rule({
      name: rule.id,
      conditions: rule.conditions as never,
      event: { type: rule.id },
    }));
  }
  return engine;
}
