import { Engine, Fact, Rule } from 'json-rules-engine';
import type { FactName, Facts } from './facts.js';
import { factsNamed, type RuleSet } from './rule-set.js';

/** No other module touches json-rules-engine: this builds the engine once per rule set. */
export function buildEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const rule of ruleSet.rules) {
    engine.addRule(new Rule({
      name: rule.id,
      conditions: rule.conditions,
      event: { type: rule.id },
    }));
  }
  return engine;
}

/** The facts some rule of the set names: the only ones the engine needs to be given. */
export function factsUsed(ruleSet: RuleSet): FactName[] {
  return [...new Set(ruleSet.rules.flatMap((r) => factsNamed(r.conditions)))].sort() as FactName[];
}

/**
 * The named facts as the engine's constant facts, uncached: the engine reads
 * a constant fact's value directly, so its result cache only cost a hash of
 * every fact on every run (about a quarter of the engine's time).
 */
export function runtimeFacts(facts: Facts, names: readonly FactName[]): Record<string, Fact> {
  const out: Record<string, Fact> = {};
  for (const id of names) out[id] = new Fact(id, facts[id], { cache: false });
  return out;
}
