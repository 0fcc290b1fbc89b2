import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';

/** The active rule set as a reader needs it: what each rule is, what it prompts, and on what authority. */
export function describeRules({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager', 'auditor', 'admin'], 'read the rules');
  const { ruleSet } = deps;
  const settings = deps.settings.forAuthority(actor.la);
  return {
    name: ruleSet.name,
    version: ruleSet.version,
    hash: ruleSet.hash,
    settings: { hash: settings.hash, values: settings.values },
    rules: ruleSet.rules.map((r) => ({ id: r.id, summary: r.summary, weight: r.weight, prompts: r.prompts, sources: r.sources })),
  };
}
