import { describe, expect, it } from 'vitest';
import type { RuleOutcome } from '../../../src/rules/evaluate.js';
import { nearMisses } from '../../../src/rules/near-misses.js';
import type { RuleDefinition } from '../../../src/rules/rule-file.js';
import type { RuleSet } from '../../../src/rules/rule-set.js';

const rule = (id: string, indicator: 'critical' | 'warning', conditions: RuleDefinition['conditions']): RuleDefinition => ({
  id, summary: `The ${id} rule for testing`, weight: 10, conditions, prompts: [{ action: 'multi_agency_review', indicator }],
  rationale: 'A rationale long enough to pass.', sources: ['test'],
});
const leaf = (fact: string, result: boolean | null, factValue: unknown = result) => ({ fact, operator: 'equal', value: true, factValue: factValue as never, result });
const outcome = (id: string, conditions: RuleOutcome['conditions']): RuleOutcome => ({ id, fired: false, rationale: '', conditions });

const rules = [
  rule('unborn-without-history', 'warning', { all: [{ fact: 'anyUnborn', operator: 'equal', value: true }, { not: { fact: 'cpHistory', operator: 'equal', value: true } }] }),
  rule('any-of-two', 'critical', { all: [{ fact: 'anyUnborn', operator: 'equal', value: true }, { any: [{ fact: 'domesticAbuse', operator: 'equal', value: true }, { fact: 'cpHistory', operator: 'equal', value: true }] }] }),
];
const ruleSet: RuleSet = { name: 't', version: '2026.11.1', hash: 'sha256:t', manifest: { name: 't', version: '2026.11.1' }, rules, response: null };

describe('nearMisses (pure)', () => {
  it('blames a leaf under not when it held, and only the alternatives of an any-group that failed', () => {
    const misses = nearMisses([
      outcome('unborn-without-history', [leaf('anyUnborn', true), leaf('cpHistory', true)]),
      outcome('any-of-two', [leaf('anyUnborn', false), leaf('domesticAbuse', false), leaf('cpHistory', true)]),
    ], ruleSet);
    expect(misses.map((m) => m.ruleId)).toEqual(['any-of-two', 'unborn-without-history']);
    expect(misses[0]!.failing).toEqual([expect.objectContaining({ fact: 'anyUnborn', seen: false, needed: 'is true', alternative: false })]);
    expect(misses[1]!.failing).toEqual([expect.objectContaining({ fact: 'cpHistory', seen: true, needed: 'not: is true' })]);
  });

  it('does not blame conditions the engine never evaluated', () => {
    const [miss] = nearMisses([outcome('any-of-two', [leaf('anyUnborn', false), leaf('domesticAbuse', null), leaf('cpHistory', null)])], ruleSet);
    expect(miss!.failing.map((f) => f.fact)).toEqual(['anyUnborn']);
  });
});
