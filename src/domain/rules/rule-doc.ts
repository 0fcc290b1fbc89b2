import { findRuleSetFirstUsed } from '../../db/repositories/rule-sets.repo.js';
import { loadAccuracy } from '../../rules/accuracy/load-accuracy.js';
import { renderTransparencyRecord } from '../../rules/atrs.js';
import { ROLES } from '../../schemas/codes.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';

/** The active rule set's transparency record, with the actor's authority's settings. Reading it is not personal data: no trail entry. */
export async function ruleDoc({ ctx }: { ctx: VerbContext }): Promise<string> {
  const { deps, actor } = ctx;
  requireRole(actor, ROLES, 'read the rules');
  const settings = deps.settings.forAuthority(actor.la);
  return renderTransparencyRecord({
    ruleSet: deps.ruleSet,
    settings: { la: actor.la, hash: settings.hash, values: settings.values },
    inUseSince: await findRuleSetFirstUsed(deps.db, deps.ruleSet.hash),
    generatedAt: deps.clock.now(),
    accuracy: loadAccuracy(),
  });
}
