import { appendAudit } from '../../db/repositories/audit.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { verifyAuthorityChain } from './verify-chain.js';

/**
 * Verifies the actor's own authority's log; the check is itself recorded, and
 * takes its place after the entries it checked. Since entries are written
 * unplaced, no tampering can block recording it.
 */
export async function verifyAudit({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['auditor'], 'verify the audit trail');
  const report = await verifyAuthorityChain(deps, actor.la);
  const checkedAt = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'audit.verified', actor, at: checkedAt,
      detail: {
        ok: report.ok, entriesChecked: report.entriesChecked, treeSize: report.checkpoint?.treeSize ?? null, pending: report.pending,
        firstBreak: report.firstBreak && { chainIndex: report.firstBreak.chainIndex, entryId: report.firstBreak.entryId, reason: report.firstBreak.reason },
        requestId: ctx.requestId,
      },
    }]);
  });
  if (!report.ok) deps.logger.error({ la: actor.la, firstBreak: report.firstBreak }, 'audit log broken');
  return { ...report, checkedAt: checkedAt.toISOString() };
}
