import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findCheck, findCheckForUpdate, updateCheck } from '../../db/repositories/checks.repo.js';
import { findSharingForCheck, insertSharing } from '../../db/repositories/sharing.repo.js';
import type { CheckRow } from '../../db/schema.js';
import type { SharingBasisInput } from '../../schemas/sharing.schema.js';
import { requireRole } from '../actor.js';
import { checkView } from '../checks/check-view.js';
import type { VerbContext } from '../context.js';
import { Conflict, NotFound } from '../errors.js';
import type { Database } from '../../db/client.js';
import { sharingEntry } from './sharing-entry.js';
import { present } from '../../lib/one-of.js';

/** Where a check goes once its basis is recorded: to the dispatcher's queue, or to a screener to send by hand. */
export const releasedStatus = (check: CheckRow) => (check.dispatch === 'api' ? 'awaiting_dispatch' : 'send_by_hand');

/**
 * Records the lawful basis and consent position for a check, inside the
 * caller's transaction, and releases the check to be sent. The check row is
 * locked by the caller, so two decisions on one check cannot both land.
 */
export async function storeCheckSharing(tx: Database, ctx: VerbContext, check: CheckRow, basis: SharingBasisInput, path: string): Promise<CheckRow> {
  const { row, event } = sharingEntry(ctx, { contactId: check.contact_id, partner: check.partner, kind: 'check', checkId: check.id, shared: null }, basis, path);
  await insertSharing(tx, row);
  await appendAudit(tx, [event]);
  if (check.status !== 'awaiting_basis') return check;
  return updateCheck(tx, check.id, { status: releasedStatus(check), next_attempt_at: check.dispatch === 'api' ? ctx.deps.clock.now() : null });
}

/** `POST /checks/{id}/sharing`: the information-sharing decision that lets a check go to the partner. */
export async function recordCheckSharing({ ctx, checkId, input }: { ctx: VerbContext; checkId: string; input: SharingBasisInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'record the basis for sharing information with a partner');
  if (!await findCheck(deps.db, actor.la, checkId)) throw new NotFound(`Check ${checkId}`);
  const check = await deps.db.transaction().execute(async (tx) => {
    const locked = present(await findCheckForUpdate(tx, actor.la, checkId), 'check');
    if (locked.status !== 'awaiting_basis') {
      throw new Conflict(`Check ${checkId} already has its information-sharing basis recorded (it is ${locked.status.replace(/_/g, ' ')})`);
    }
    return storeCheckSharing(tx, ctx, locked, input, '');
  });
  return checkView(check, deps.checks.partners, deps.clock.now(), present(await findSharingForCheck(deps.db, checkId), 'information_sharing'));
}
