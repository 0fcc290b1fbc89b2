import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/rules/accuracy/corpus.js';
import { disagreements, floorHeld, runCorpus } from '../../../src/rules/accuracy/measure.js';
import { Evaluator } from '../../../src/rules/evaluate.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { loadSettings } from '../../../src/rules/settings.js';

const cases = loadCorpus('tests/corpus');
const settings = loadSettings('rules/settings').national;

/** The labelled corpus is measured by `npm run rules:evaluate`; only the floors are a test, so a regression there fails CI. */
describe('the labelled corpus', () => {
  it('holds the mix the measurement needs', () => {
    const route = (r: string) => cases.filter((c) => c.expected.route === r).length;
    const strategy = cases.filter((c) => ['s47_strategy', 'immediate_protection'].includes(c.expected.route));
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(strategy.length / cases.length).toBeGreaterThanOrEqual(0.25);
    expect(route('advice_signpost') / cases.length).toBeGreaterThanOrEqual(0.3);
    expect(cases.filter((c) => c.part === 'held_back').length / cases.length).toBeGreaterThanOrEqual(0.25);
    const referrers = new Set(cases.map((c) => c.body.referrer.source));
    for (const source of ['1A', '9', '10', '6', '2A']) expect(referrers, `a case from referrer ${source}`).toContain(source);
  });

  it('cites at least one source for every case and labels the three core actions on nearly every case', () => {
    for (const c of cases) expect(c.sources.length, c.id).toBeGreaterThan(0);
    const labelled = (action: string) => cases.filter((c) => c.expected.mustPrompt.includes(action as never) || c.expected.mustNotPrompt.includes(action as never)).length;
    expect(labelled('strategy_discussion')).toBe(cases.length);
    expect(labelled('multi_agency_review')).toBe(cases.length);
  });

  it('gives every floor case its prompts, and never a route or urgency below what the case needs', async () => {
    const results = await runCorpus(new Evaluator(loadRuleSet('rules')), settings, cases.filter((c) => c.expected.floor));
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const r of results) expect(floorHeld(r), `${r.id}: ${disagreements(r).join('; ')}`).toBe(true);
  });
});
