import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findContact } from '../../db/repositories/contacts.repo.js';
import { findRuleSet } from '../../db/repositories/rule-sets.repo.js';
import { listTriages } from '../../db/repositories/triages.repo.js';
import type { TriageRow } from '../../db/schema.js';
import type { Database } from '../../db/client.js';
import { compareTriages, type TriageDifference } from '../../rules/compare.js';
import { evaluatorFor } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts.js';
import { RuleFileError, ruleSetFromStored, type StoredRuleSet } from '../../rules/rule-set.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { present } from '../../lib/one-of.js';

export interface TriageReplay {
  triageId: string;
  sequence: number;
  ruleSet: { name: string | null; version: string | null; hash: string };
  identical: boolean;
  differences: TriageDifference[];
}

/** Re-evaluates one stored triage's facts with the rule set it was made with, loaded by hash and checked against it. */
export async function replayTriage(db: Database, triage: TriageRow): Promise<TriageReplay> {
  const base = { triageId: triage.id, sequence: triage.sequence };
  const stored = await findRuleSet(db, triage.rule_set_hash);
  if (!stored) {
    return { ...base, ruleSet: { name: null, version: null, hash: triage.rule_set_hash }, identical: false, differences: [{ field: 'ruleSet', stored: triage.rule_set_hash, replayed: 'no rule set with this hash is stored' }] };
  }
  let ruleSet: ReturnType<typeof ruleSetFromStored>;
  try {
    ruleSet = ruleSetFromStored(stored.hash, stored.content as unknown as StoredRuleSet);
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    return { ...base, ruleSet: { name: null, version: stored.version, hash: stored.hash }, identical: false, differences: [{ field: 'ruleSet', stored: stored.hash, replayed: error.fault }] };
  }
  const replayed = await evaluatorFor(ruleSet).evaluate(triage.facts as Facts);
  const differences = compareTriages(
    {
      priority: triage.priority, score: triage.score, route: triage.route, urgency: triage.urgency,
      response: triage.response as { id: string }[] | null, prompts: triage.prompts as { action: string }[], rules: triage.results as { id: string }[],
    },
    replayed,
  );
  return { ...base, ruleSet: { name: ruleSet.name, version: ruleSet.version, hash: ruleSet.hash }, identical: differences.length === 0, differences };
}

/**
 * Replays every triage of a contact: the stored facts through the stored
 * rule set must give back the stored priority, score, route, urgency and
 * its steps, prompts and every rule's result. The replay is recorded in the trail.
 */
export async function replayContact({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['auditor'], 'replay a triage');
  return deps.db.transaction().execute(async (tx) => {
    if (!(await findContact(tx, actor.la, contactId))) throw new NotFound(`Contact ${contactId}`);
    const triages = [];
    // biome-ignore lint/performance/noAwaitInLoops: one transaction's connection answers one query at a time
    for (const triage of await listTriages(tx, contactId)) triages.push(await replayTriage(tx, triage));
    const latest = present(triages.at(-1), 'triage');
    const report = {
      contactId,
      identical: triages.every((r) => r.identical),
      ruleSet: latest.ruleSet,
      differences: triages.flatMap((r) => r.differences.map((d) => ({ sequence: r.sequence, ...d }))),
      triages: triages.map(({ differences: _d, ...summary }) => summary),
    };
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.replayed', actor, at: deps.clock.now(),
      detail: {
        identical: report.identical,
        triages: report.triages.map((r) => ({ triageId: r.triageId, sequence: r.sequence, ruleSetHash: r.ruleSet.hash, identical: r.identical })),
        differingFields: report.differences.map((d) => `${d.sequence}:${d.field}`),
        requestId: ctx.requestId,
      },
    }]);
    return report;
  });
}
