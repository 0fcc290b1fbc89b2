import type { Evaluator } from '../../rules/evaluate.js';
import { deriveFacts, type HistoryEvidence } from '../../rules/facts.js';
import type { AuthoritySettings } from '../../rules/settings.js';
import type { ContactInput } from '../../schemas/contact.schema.js';

/** A practice contact stands alone: its history is only what it records itself, as with the labelled corpus. */
const OWN_HISTORY_ONLY = (children: number): HistoryEvidence => ({ priorContacts: Array(children).fill(0), caseSystem: [], complete: true });

/** The service's triage of a practice contact, as a screener would see it with a real one. */
export async function triagePractice(evaluator: Evaluator, settings: AuthoritySettings, contact: ContactInput) {
  const { facts } = deriveFacts(contact, OWN_HISTORY_ONLY(contact.children.length), settings);
  const triage = await evaluator.evaluate(facts);
  return {
    priority: triage.priority,
    route: triage.route,
    urgency: triage.urgency,
    prompts: triage.prompts,
    fired: triage.rules.filter((r) => r.fired).map((r) => ({ id: r.id, rationale: r.rationale })),
    ruleSetHash: triage.ruleSet.hash,
  };
}

export type PracticeTriage = Awaited<ReturnType<typeof triagePractice>>;
