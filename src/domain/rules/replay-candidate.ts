import { appendAudit } from '../../db/repositories/audit.repo.js';
import { zonedInstant } from '../../lib/working-days.js';
import { RuleFileError, ruleSetFromFiles } from '../../rules/rule-set.js';
import { MAX_CRITICAL_LOSSES_SHOWN, type RuleReplayInput } from '../../schemas/rule-replay.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { ValidationFailed } from '../errors.js';
import { whatIfReplay } from './what-if-replay.js';

/**
 * What a candidate rule pack would have shown on this authority's past
 * contacts, before it goes live: the same report as `npm run rules:replay`,
 * for an administrator. Reads only; the run itself is an audit event.
 */
export async function replayCandidate({ ctx, input }: { ctx: VerbContext; input: RuleReplayInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['admin'], 'replay a candidate rule pack');
  let candidate: ReturnType<typeof ruleSetFromFiles>;
  try {
    candidate = ruleSetFromFiles(new Map(Object.entries(input.files)));
  } catch (error) {
    if (error instanceof RuleFileError) throw new ValidationFailed('The candidate pack is not valid', [{ path: `/files/${error.file}`, message: error.fault }]);
    throw error;
  }
  const { timeZone } = deps.settings.forAuthority(actor.la).values;
  const report = await whatIfReplay(deps.db, candidate, {
    la: actor.la,
    from: input.from ? zonedInstant(input.from, '00:00', timeZone) : undefined,
    to: input.to ? zonedInstant(input.to, '00:00', timeZone) : undefined,
  });
  await deps.db.transaction().execute((tx) => appendAudit(tx, [{
    la: actor.la, contactId: null, action: 'rules.replayed', actor, at: deps.clock.now(),
    detail: {
      candidateHash: candidate.hash, candidateVersion: candidate.version, activeHash: deps.ruleSet.hash, from: input.from ?? null, to: input.to ?? null,
      contacts: report.contacts, criticalLost: report.criticalLost.length, requestId: ctx.requestId,
    },
  }]));
  return { ...report, criticalLost: report.criticalLost.slice(0, MAX_CRITICAL_LOSSES_SHOWN), criticalLostCount: report.criticalLost.length };
}
