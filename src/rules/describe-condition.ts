import { FACT_CATALOGUE, type FactName } from './facts.js';
import type { ConditionNode } from './rule-file.js';
import type { AuthoritySettings } from './settings.js';

// Shared by the transparency record (doc.ts) and the response table's description (response/describe.ts), which
// doc.ts also includes: kept apart so that neither imports the other.

export const OPERATOR_WORDS: Record<string, string> = {
  equal: 'is', notEqual: 'is not', in: 'is one of', notIn: 'is none of', contains: 'includes', doesNotContain: 'does not include',
  lessThan: 'is less than', lessThanInclusive: 'is at most', greaterThan: 'is more than', greaterThanInclusive: 'is at least',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const describeFact = (fact: string) => `${FACT_CATALOGUE[fact as FactName] ?? fact} (\`${fact}\`)`;

function describeValue(value: unknown, settings: AuthoritySettings): string {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'fact' in value) {
    const fact = (value as { fact: string }).fact;
    const inForce = (settings as unknown as Record<string, unknown>)[fact];
    return `the ${lowerFirst(describeFact(fact))}${inForce === undefined ? '' : `, ${JSON.stringify(inForce)} here`}`;
  }
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(v)).join(', ');
  return JSON.stringify(value);
}

/** A condition as sentences a screener or a family could read: the fact's catalogue description, then what the rule needs of it. */
export function describeCondition(node: ConditionNode, settings: AuthoritySettings, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const group = (heading: string, children: ConditionNode[]) =>
    [`${indent}- ${heading}`, ...children.flatMap((c) => describeCondition(c, settings, depth + 1))];
  if ('all' in node) return group('all of these are true:', node.all);
  if ('any' in node) return group('at least one of these is true:', node.any);
  if ('not' in node) return group('this is not true:', [node.not]);
  const { fact, operator, value } = node;
  if (operator === 'equal' && value === true) return [`${indent}- ${describeFact(fact)}`];
  if ((operator === 'equal' && value === false) || (operator === 'notEqual' && value === true)) {
    return [`${indent}- it is not so that: ${lowerFirst(describeFact(fact))}`];
  }
  return [`${indent}- ${describeFact(fact)} ${OPERATOR_WORDS[operator] ?? operator} ${describeValue(value, settings)}`];
}
