import type { ConditionNode } from '../rule-file.js';
import { present } from '../../lib/one-of.js';

type Value = string | number | boolean | null | readonly string[] | undefined;

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** json-rules-engine's default operators, with its semantics: a numeric operator on a non-number is false. */
const OPERATIONS: Record<string, (fact: Value, value: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b as string),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b as string),
  lessThan: (a, b) => isNumber(a) && isNumber(b) && a < b,
  lessThanInclusive: (a, b) => isNumber(a) && isNumber(b) && a <= b,
  greaterThan: (a, b) => isNumber(a) && isNumber(b) && a > b,
  greaterThanInclusive: (a, b) => isNumber(a) && isNumber(b) && a >= b,
};

/**
 * Whether a condition holds over the facts: the grammar of the rule files,
 * evaluated synchronously, because the response table is read top to bottom
 * (first match) and needs no engine.
 */
export function holds(node: ConditionNode, facts: Readonly<Record<string, Value>>): boolean {
  if ('all' in node) return node.all.every((c) => holds(c, facts));
  if ('any' in node) return node.any.some((c) => holds(c, facts));
  if ('not' in node) return !holds(node.not, facts);
  const ref = node.value as { fact?: string } | null;
  const value = ref && typeof ref === 'object' && !Array.isArray(ref) && ref.fact ? facts[ref.fact] : node.value;
  return present(OPERATIONS[node.operator], `operator ${node.operator}`)(facts[node.fact], value);
}
