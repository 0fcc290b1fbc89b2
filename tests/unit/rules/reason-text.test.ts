import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/rules/accuracy/corpus.js';
import { Evaluator, type Triage } from '../../../src/rules/evaluate.js';
import { deriveFacts } from '../../../src/rules/facts.js';
import { loadRuleSet } from '../../../src/rules/rule-set.js';
import { loadSettings } from '../../../src/rules/settings.js';
import { cardReasons } from '../../../src/web/prompt-reasons.js';

/** What reads as generated text rather than a colleague's words (issue 17). */
const GENERATED: [string, RegExp][] = [
  ['an unrendered placeholder', /\{\{|\}\}/],
  ['a bracketed plural', /\((s|es|ren|babies)\)/],
  ['a yes/no list', / (yes|no);/],
  ['"not known" after a colon', /: not known/],
  ['a doubled space', / {2}/],
  ['an empty bracket', /\(\s*\)/],
];

const cases = loadCorpus('tests/corpus');
const settings = loadSettings('rules/settings').national;
const evaluator = new Evaluator(loadRuleSet('rules'));
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z(“"])/).map((s) => s.trim()).filter(Boolean);

async function triageOf(c: (typeof cases)[number]): Promise<Triage> {
  const { facts } = deriveFacts(c.body, { priorContacts: Array(c.body.children.length).fill(0), caseSystem: [], complete: true }, settings);
  return evaluator.evaluate(facts);
}

describe('every reason over the labelled corpus reads as a colleague would write it', () => {
  it('has no generated-text pattern in any reason, and says each reason once per page and each sentence once per card', async () => {
    const counts = { cases: 0, reasons: 0, cards: 0, pointers: 0 };
    for (const c of cases) {
      const triage = await triageOf(c);
      counts.cases++;
      const texts = [
        ...triage.rules.filter((r) => r.fired).map((r) => [`rule ${r.id}`, r.rationale] as const),
        ...triage.response.map((s) => [`step ${s.id}`, s.reason] as const),
        ...triage.prompts.map((p) => [`prompt ${p.action}`, p.detail] as const),
      ];
      for (const [where, text] of texts) {
        counts.reasons++;
        for (const [what, pattern] of GENERATED) expect(text, `${c.id}, ${where}: ${what}`).not.toMatch(pattern);
      }

      const cards = cardReasons(triage.prompts, triage.rules);
      const givenInFull = new Map<string, number>();
      for (const [action, reasons] of cards) {
        counts.cards++;
        const said = reasons.flatMap((r) => sentences(r.text));
        expect(new Set(said).size, `${c.id}, card ${action}: a sentence said twice`).toBe(said.length);
        for (const r of reasons) {
          for (const [what, pattern] of GENERATED) expect(r.text, `${c.id}, card ${action}, ${r.id}: ${what}`).not.toMatch(pattern);
          if (r.givenUnder) counts.pointers++;
          else givenInFull.set(r.id, (givenInFull.get(r.id) ?? 0) + 1);
        }
        expect(reasons.length, `${c.id}, card ${action} has a reason`).toBeGreaterThan(0);
      }
      for (const [id, times] of givenInFull) expect(times, `${c.id}: ${id} given in full on more than one card`).toBe(1);
    }
    // The figures the report quotes; the corpus holds at least 80 cases (corpus.test.ts).
    console.info(`reason text: ${counts.cases} cases, ${counts.reasons} reasons, ${counts.cards} cards, ${counts.pointers} repeated reasons shown as pointers`);
    expect(counts.cases).toBe(cases.length);
    expect(counts.pointers).toBeGreaterThan(0);
  });

  it.each([
    ['need-08-toddler-found-in-road-at-night-ten-year-old-left-in-charge', /whether they are left alone/, /hurt|hit/],
    ['phys-07-belt-marks-disclosure-eleven-year-old', /how they came to be hurt/, /left alone/],
    ['risk-09-father-held-knife-to-mothers-neck-in-front-of-children', /what they have seen or heard at home/, /left alone/],
  ])('asks of the child what fits the concern: %s', async (id, fits, doesNotFit) => {
    const c = cases.find((x) => x.id === id);
    expect(c, id).toBeDefined();
    const triage = await triageOf(c as (typeof cases)[number]);
    const detail = triage.prompts.find((p) => p.action === 'speak_to_child')?.detail;
    expect(detail).toMatch(fits);
    expect(detail).not.toMatch(doesNotFit);
  });
});
