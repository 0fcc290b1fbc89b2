import { describeAge } from './children.js';
import type { FactValue } from './facts.js';
import { PLACEHOLDER } from './rule-file.js';

function format(value: FactValue | undefined, as: string | undefined): string {
  if (value === null || value === undefined) return 'not known';
  if (as === 'age' && typeof value === 'number') return describeAge(Math.floor(value / 30.4375), value);
  if (as === 'yesno') return value === true ? 'yes' : value === false ? 'no' : String(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

/** Fills a rule's rationale template with the fact values the rule saw. */
export function renderRationale(template: string, facts: Readonly<Record<string, FactValue>>): string {
  return template.replace(PLACEHOLDER, (_, fact: string, as?: string) => format(facts[fact], as));
}
