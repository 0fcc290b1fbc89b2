import { appendAudit } from '../../db/repositories/audit.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict } from '../errors.js';
import { verifyAuthorityChain } from './verify-chain.js';

/** Verifies the actor's own authority's chain; the check is itself recorded, after the entries it checked. */
export async function verifyAudit({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['auditor'], 'verify the audit trail');
  const report = await verifyAuthorityChain(deps.db, actor.la);
  const checkedAt = deps.clock.now();
  const record = deps.db.transaction().execute(async (tx) => {
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'audit.verified', actor, at: checkedAt,
      detail: {
        ok: report.ok, entriesChecked: report.entriesChecked, headIndex: report.head?.chainIndex ?? null,
        firstBreak: report.firstBreak && { chainIndex: report.firstBreak.chainIndex, entryId: report.firstBreak.entryId, reason: report.firstBreak.reason },
        requestId: ctx.requestId,
      },
    }]);
  });
  try {
    await record;
  } catch (error) {
    // A forged entry past the head blocks every append in the authority: say what was found rather than fail blind.
    if (report.ok) throw error;
    throw new Conflict('The audit chain is broken and this verification could not be added to it', { report: { ...report, checkedAt: checkedAt.toISOString() } });
  }
  if (!report.ok) deps.logger.error({ la: actor.la, firstBreak: report.firstBreak }, 'audit chain broken');
  return { ...report, checkedAt: checkedAt.toISOString() };
}
