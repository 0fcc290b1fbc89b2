import type { Indicator } from '../schemas/codes.js';
import { OPERATOR_WORDS } from './describe-condition.js';
import type { ConditionResult, RuleOutcome } from './evaluate.js';
import { FACT_CATALOGUE, type FactName } from './facts.js';
import type { ConditionNode, RuleDefinition } from './rule-file.js';
import type { RuleSet } from './rule-set.js';

export interface FailingCondition {
  fact: string;
  description: string;
  seen: unknown;
  operator: string;
  value: unknown;
  /** What the rule needed, in words: "is at least 2", or "not: is true" under a `not`. */
  needed: string;
  /** One of an `any` group: meeting any one of the group would have been enough for that part of the rule. */
  alternative: boolean;
}

export interface NearMiss {
  ruleId: string;
  summary: string;
  prompts: RuleDefinition['prompts'];
  highestIndicator: Indicator;
  failing: FailingCondition[];
}

const RANK: Record<Indicator, number> = { critical: 0, warning: 1, info: 2 };

interface Walk { held: boolean | null; failing: FailingCondition[] }

function describeLeaf(condition: ConditionResult, negated: boolean, alternative: boolean): FailingCondition {
  const words = `${OPERATOR_WORDS[condition.operator] ?? condition.operator} ${JSON.stringify(condition.value)}`;
  return {
    fact: condition.fact,
    description: FACT_CATALOGUE[condition.fact as FactName] ?? condition.fact,
    seen: condition.factValue,
    operator: condition.operator,
    value: condition.value,
    needed: negated ? `not: ${words}` : words,
    alternative,
  };
}

/**
 * Walks the rule's conditions alongside its stored leaf results (flattened
 * depth-first, as the engine reports them) and keeps only the leaves that
 * made a group fail: an `any` group that held contributes nothing.
 */
function walk(node: ConditionNode, leaves: Iterator<ConditionResult>, negated: boolean, alternative: boolean): Walk {
  if ('all' in node || 'any' in node) {
    const isAny = 'any' in node;
    const parts = ('all' in node ? node.all : node.any).map((c) => walk(c, leaves, negated, alternative || isAny));
    const held = isAny ? parts.some((p) => p.held === true) : parts.every((p) => p.held === true);
    return { held, failing: held ? [] : parts.filter((p) => p.held !== true).flatMap((p) => p.failing) };
  }
  if ('not' in node) {
    const inner = walk(node.not, leaves, !negated, alternative);
    return { held: inner.held === null ? null : !inner.held, failing: inner.held === false ? [] : inner.failing };
  }
  const condition = leaves.next().value as ConditionResult | undefined;
  if (!condition) return { held: null, failing: [] };
  // Under a `not` the leaf that held is the one that stopped the rule; a leaf the engine never evaluated (null) is not blamed.
  const blamed = negated ? condition.result === true : condition.result === false;
  return { held: condition.result, failing: blamed ? [describeLeaf(condition, negated, alternative)] : [] };
}

/**
 * "What would have changed this": for each rule that did not fire, the
 * conditions that failed, from the stored results. Rules that would have
 * raised a critical prompt come first, then the nearest misses.
 */
export function nearMisses(results: readonly RuleOutcome[], ruleSet: RuleSet): NearMiss[] {
  const order = new Map(ruleSet.rules.map((r, i) => [r.id, i]));
  const byId = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const misses: NearMiss[] = [];
  for (const outcome of results.filter((r) => !r.fired)) {
    const rule = byId.get(outcome.id);
    if (!rule) continue;
    const failed = walk(rule.conditions, outcome.conditions[Symbol.iterator](), false, false).failing;
    const highestIndicator = rule.prompts.map((p) => p.indicator).sort((a, b) => RANK[a] - RANK[b])[0] ?? 'info';
    misses.push({ ruleId: rule.id, summary: rule.summary, prompts: rule.prompts, highestIndicator, failing: failed });
  }
  return misses.sort((a, b) => RANK[a.highestIndicator] - RANK[b.highestIndicator]
    || a.failing.length - b.failing.length || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0));
}
