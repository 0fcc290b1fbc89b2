import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findTransferForUpdate, updateTransfer } from '../../db/repositories/transfers.repo.js';
import type { TransferAcknowledgementInput } from '../../schemas/transfer.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../errors.js';
import { transferView } from './transfer-view.js';
import { present } from '../../lib/one-of.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records that the authority the family left has acknowledged the move:
 * called by that authority's system (for now, an admin or screener token
 * of that authority), or entered by hand by the receiving authority. The
 * entry goes into the receiving authority's trail, on the contact.
 */
export async function acknowledgeTransfer({ ctx, transferId, input }: { ctx: VerbContext; transferId: string; input: TransferAcknowledgementInput }) {
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  const acknowledgedAt = input.acknowledgedAt ? new Date(input.acknowledgedAt) : now;
  if (acknowledgedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationFailed('The acknowledgement cannot be in the future', [{ path: '/acknowledgedAt', message: 'is later than now' }]);
  }
  if (input.handoverDiscussion && new Date(input.handoverDiscussion.heldAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationFailed('The handover discussion cannot be in the future', [{ path: '/handoverDiscussion/heldAt', message: 'is later than now' }]);
  }

  const updated = await deps.db.transaction().execute(async (tx) => {
    const transfer = await findTransferForUpdate(tx, actor.la, transferId);
    if (!transfer) throw new NotFound(`Transfer ${transferId}`);
    const receiving = transfer.la === actor.la;
    requireRole(actor, receiving ? ['screener', 'manager'] : ['admin', 'screener'], receiving ? 'record a transfer acknowledgement by hand' : 'acknowledge a transfer');
    if (transfer.status === 'acknowledged') {
      throw new Conflict(`Transfer ${transferId} was already acknowledged at ${new Date(present(transfer.acknowledged_at, 'acknowledged_at')).toISOString()}`);
    }
    const channel = receiving ? input.receivedVia ?? 'other' : 'partner_api';
    const row = await updateTransfer(tx, transferId, {
      status: 'acknowledged', acknowledged_at: acknowledgedAt, acknowledged_by: actor.sub, acknowledged_by_la: actor.la,
      acknowledgement_channel: channel,
      handover_discussion: input.handoverDiscussion || input.acknowledgedBy
        ? JSON.stringify({ ...(input.handoverDiscussion ?? {}), acknowledgedBy: input.acknowledgedBy ?? null })
        : null,
      // An acknowledgement is proof the previous authority knows, whatever was known before.
      previous_authority_notified: true,
      previous_authority_notified_at: transfer.previous_authority_notified_at ?? acknowledgedAt,
    });
    await appendAudit(tx, [{
      la: transfer.la, contactId: transfer.contact_id, action: 'transfer.acknowledged', actor, at: now,
      detail: {
        transferId, plan: transfer.plan, fromLa: transfer.from_la, actorLa: actor.la, channel,
        acknowledgedAt: acknowledgedAt.toISOString(), late: acknowledgedAt > new Date(transfer.acknowledgement_due_at),
        handoverDiscussionHeldAt: input.handoverDiscussion?.heldAt ?? null,
        interimProtectionAgreed: input.handoverDiscussion?.interimProtectionAgreed ?? null, requestId: ctx.requestId,
      },
    }]);
    return row;
  });
  return transferView(updated, now, actor.la);
}
