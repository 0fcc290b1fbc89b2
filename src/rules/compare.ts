import { canonicalJson } from '../lib/canonical-json.js';

/** One place where a replayed triage departs from the stored one. */
export interface TriageDifference {
  /** `priority`, `score`, `route`, `urgency`, `response.<step id>`, `prompts.<action>` or `rules.<id>` (and `ruleSet` when the stored rules cannot be trusted). */
  field: string;
  stored: unknown;
  replayed: unknown;
}

export interface ComparableTriage {
  priority: unknown;
  score: unknown;
  /** Null on both sides for a triage made without a response table. */
  route: unknown;
  urgency: unknown;
  /** The response steps: null (as stored) and [] (as evaluated) both mean none. */
  response: readonly { id: string }[] | null;
  prompts: readonly { action: string }[];
  rules: readonly { id: string }[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Compares on canonical JSON, so key order from jsonb never counts as a difference; list order does. */
export function compareTriages(stored: ComparableTriage, replayed: ComparableTriage): TriageDifference[] {
  const differences: TriageDifference[] = [];
  for (const field of ['priority', 'score', 'route', 'urgency'] as const) {
    if (!same(stored[field], replayed[field])) differences.push({ field, stored: stored[field], replayed: replayed[field] });
  }
  compareLists('response', (stored.response ?? []).map((s) => [s.id, s]), (replayed.response ?? []).map((s) => [s.id, s]), differences);
  compareLists('prompts', stored.prompts.map((p) => [p.action, p]), replayed.prompts.map((p) => [p.action, p]), differences);
  compareLists('rules', stored.rules.map((r) => [r.id, r]), replayed.rules.map((r) => [r.id, r]), differences);
  return differences;
}

function compareLists(name: string, before: [string, unknown][], after: [string, unknown][], differences: TriageDifference[]): void {
  const a = new Map(before);
  const b = new Map(after);
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (!same(a.get(k), b.get(k))) differences.push({ field: `${name}.${k}`, stored: a.get(k) ?? null, replayed: b.get(k) ?? null });
  }
  const orderBefore = [...a.keys()].filter((k) => b.has(k));
  const orderAfter = [...b.keys()].filter((k) => a.has(k));
  if (!same(orderBefore, orderAfter)) differences.push({ field: `${name}.order`, stored: orderBefore, replayed: orderAfter });
}
