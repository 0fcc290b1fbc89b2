import type { CorpusCase } from '../../rules/accuracy/corpus.js';
import type { PracticeContactInput } from '../../schemas/calibration.schema.js';

/** A labelled corpus case as a practice contact: its narrative to read, its contact to triage, its label for afterwards. */
export function practiceFromCorpusCase(c: Omit<CorpusCase, 'part'>): PracticeContactInput {
  return {
    reference: c.id,
    source: 'corpus',
    title: c.title,
    narrative: c.narrative,
    contact: c.body,
    expected: { route: c.expected.route, urgency: c.expected.urgency, mustPrompt: c.expected.mustPrompt, reasoning: c.expected.reasoning },
  };
}
