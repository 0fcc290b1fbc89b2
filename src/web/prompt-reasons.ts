import type { Prompt, RuleOutcome } from '../rules/evaluate.js';

/** One line under a prompt card's "Why": a reason in full, or a pointer to the card that gives it. */
export interface CardReason {
  /** The rule, or the response table's row, that raised the prompt. */
  id: string;
  text: string;
  /** Set when the reason is given in full on an earlier card: that card's action and title. */
  givenUnder?: { action: string; summary: string };
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z(“"])/;
const sentences = (text: string) => text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);

/**
 * The reasons of each prompt card, each said once on the page. The cards
 * come most serious first, so a rule's reason is given in full on the card of
 * the most serious prompt it raised; a later card names it by its first
 * sentence and points to that card. Within a card no sentence is said twice.
 * The API's triage keeps every reason on every prompt: this is only how the
 * page shows them.
 */
export function cardReasons(prompts: readonly Prompt[], rules: readonly RuleOutcome[]): Map<string, CardReason[]> {
  const rationale = new Map(rules.map((r) => [r.id, r.rationale]));
  const home = new Map<string, Prompt>();
  const cards = new Map<string, CardReason[]>();
  for (const prompt of prompts) {
    const said = new Set<string>();
    const reasons: CardReason[] = [];
    for (const id of prompt.raisedBy) {
      // A prompt the response table added has one raiser, and its detail is that row's reason.
      const full = rationale.get(id) ?? prompt.detail;
      const first = home.get(id);
      if (first) {
        reasons.push({ id, text: sentences(full)[0] ?? full, givenUnder: { action: first.action, summary: first.summary } });
        continue;
      }
      home.set(id, prompt);
      const fresh = sentences(full).filter((s) => !said.has(s));
      for (const s of fresh) said.add(s);
      if (fresh.length) reasons.push({ id, text: fresh.join(' ') });
    }
    cards.set(prompt.action, reasons);
  }
  return cards;
}

/**
 * For a list that has only each prompt's whole detail (second screens,
 * calibration exercises): each prompt's reasons without the sentences an
 * earlier prompt on the page has already given, or a pointer when none is left.
 */
export function listReasons(prompts: readonly Prompt[]): Map<string, string> {
  const said = new Set<string>();
  const out = new Map<string, string>();
  for (const prompt of prompts) {
    const all = sentences(prompt.detail);
    const fresh = all.filter((s) => !said.has(s));
    for (const s of fresh) said.add(s);
    out.set(prompt.action, fresh.length ? fresh.join(' ') : 'For the reasons given above.');
  }
  return out;
}
