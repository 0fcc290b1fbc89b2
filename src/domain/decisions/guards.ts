import type { Database } from '../../db/client.js';
import { findRuleSet } from '../../db/repositories/rule-sets.repo.js';
import type { StoredRuleSet } from '../../rules/rule-set.js';
import type { PromptAction } from '../../schemas/codes.js';
import type { Deps } from '../context.js';

/**
 * The guard prompts of packs made before the response table: they stand
 * against closing the door, and a decision that keeps it open need not
 * answer them.
 */
export const LEGACY_GUARDS: readonly PromptAction[] = ['household_checks', 'speak_to_referrer', 'manager_signoff_before_nfa', 'request_evidence'];

// A rule set never changes under its hash, so its guards are read from the database once.
const byHash = new Map<string, readonly PromptAction[]>();

/** The guard prompts of the rule set a triage was made with (its table's `guards`, or the legacy list). */
export async function guardsFor(db: Database, deps: Pick<Deps, 'ruleSet'>, ruleSetHash: string): Promise<readonly PromptAction[]> {
  if (ruleSetHash === deps.ruleSet.hash) return deps.ruleSet.response?.guards ?? LEGACY_GUARDS;
  let guards = byHash.get(ruleSetHash);
  if (!guards) {
    const stored = await findRuleSet(db, ruleSetHash);
    guards = (stored?.content as unknown as StoredRuleSet | undefined)?.response?.guards ?? LEGACY_GUARDS;
    if (stored) byHash.set(ruleSetHash, guards);
  }
  return guards;
}
