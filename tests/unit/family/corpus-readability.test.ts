import { describe, expect, it } from 'vitest';
import { composeExplanation, type Audience } from '../../../src/domain/family/compose-explanation.js';
import { readability } from '../../../src/lib/readability.js';
import { referrerGroup } from '../../../src/schemas/codes.js';
import { loadCorpus } from '../../../src/rules/accuracy/corpus.js';

const calendar = { timeZone: 'Europe/London', workingHours: { start: '09:00', end: '17:00' }, nonWorkingDays: new Set<string>(['2026-12-25']) };

/** The outcome a screener records when they take the corpus case's expected route. */
const OUTCOME_BY_ROUTE: Record<string, string> = {
  advice_signpost: 'information_advice', early_help: 'early_help', s17_assessment: 'assessment_s17', s20_accommodation: 'assessment_s17',
  pre_birth_assessment: 'pre_birth_assessment', s47_strategy: 'strategy_discussion', immediate_protection: 'immediate_protection',
};

describe('reading age of every explanation the labelled corpus gives', () => {
  const cases = loadCorpus('tests/corpus');
  const letters = cases.flatMap((c) => (['parent_carer', 'child'] as Audience[]).map((audience) => ({
    id: c.id, audience,
    text: composeExplanation({
      audience, childCount: c.body.children.length, receivedAt: new Date(c.body.receivedAt), referrerGroup: referrerGroup(c.body.referrer.source),
      namedReferrer: null, outcome: OUTCOME_BY_ROUTE[c.expected.route]!, urgency: c.expected.urgency, decidedAt: new Date(c.body.receivedAt),
    }, calendar),
  })));

  it('is computed for each, and every one is at a reading age of 12 or under', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const scores = letters.map((l) => ({ ...l, ...readability(l.text) }));
    const ages = scores.map((s) => s.readingAge).sort((a, b) => a - b);
    const ease = scores.map((s) => s.readingEase).sort((a, b) => a - b);
    const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    // The distribution, for the record: reported in the test output.
    console.info(`family explanations from ${cases.length} corpus cases × 2 audiences = ${scores.length} letters; reading age min ${ages[0]} p25 ${q(ages, 0.25)} median ${q(ages, 0.5)} p75 ${q(ages, 0.75)} max ${ages.at(-1)}; Flesch reading ease min ${ease[0]} median ${q(ease, 0.5)} max ${ease.at(-1)}`);
    for (const s of scores) expect(s.readingAge, `${s.id} (${s.audience})`).toBeLessThanOrEqual(12);
    for (const s of scores) expect(s.readingEase, `${s.id} (${s.audience})`).toBeGreaterThanOrEqual(65);
  });
});
