import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findContact } from '../../db/repositories/contacts.repo.js';
import { findRuleSet } from '../../db/repositories/rule-sets.repo.js';
import { findLatestTriage } from '../../db/repositories/triages.repo.js';
import type { RuleOutcome } from '../../rules/evaluate.js';
import { nearMisses } from '../../rules/near-misses.js';
import { RuleFileError, ruleSetFromStored, type StoredRuleSet } from '../../rules/rule-set.js';
import { oneOf, present } from '../../lib/one-of.js';
import { PRIORITIES } from '../../schemas/codes.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict, NotFound } from '../errors.js';

/** The rules that did not fire on the contact's latest triage and what each needed; reading it is recorded like any read. */
export async function listNearMisses({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'auditor'], 'see what would have changed a triage');
  return deps.db.transaction().execute(async (tx) => {
    if (!(await findContact(tx, actor.la, contactId))) throw new NotFound(`Contact ${contactId}`);
    // A contact is stored with its first triage in one transaction.
    const triage = present(await findLatestTriage(tx, contactId), 'triage');
    const stored = await findRuleSet(tx, triage.rule_set_hash);
    let ruleSet: ReturnType<typeof ruleSetFromStored> | null | undefined;
    try {
      ruleSet = stored && ruleSetFromStored(stored.hash, stored.content as unknown as StoredRuleSet);
    } catch (error) {
      if (!(error instanceof RuleFileError)) throw error;
    }
    if (!ruleSet) throw new Conflict(`The rule set ${triage.rule_set_hash} this triage was made with is missing or altered; replay the contact for detail`);
    const misses = nearMisses(triage.results as RuleOutcome[], ruleSet);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.read', actor, at: deps.clock.now(),
      detail: { view: 'near-misses', triageId: triage.id, requestId: ctx.requestId },
    }]);
    return {
      contactId,
      triageId: triage.id,
      ruleSet: { name: ruleSet.name, version: ruleSet.version, hash: ruleSet.hash },
      priority: oneOf(PRIORITIES, triage.priority),
      nearMisses: misses,
    };
  });
}
