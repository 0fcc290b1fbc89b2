import type { TransferRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf } from '../../lib/one-of.js';
import { type TransferView, TransferViewSchema } from '../../schemas/transfer.schema.js';

const { plan: PLANS, status: STATUSES } = TransferViewSchema.shape;

/** A transfer as either authority sees it; the receiving authority's contact id is its own business. */
export function transferView(transfer: TransferRow, now: Date, viewerLa: string): TransferView {
  return {
    id: transfer.id,
    contactId: viewerLa === transfer.la ? transfer.contact_id : null,
    localAuthority: transfer.la,
    fromAuthority: transfer.from_la,
    plan: oneOf(PLANS.options, transfer.plan),
    movedInOn: transfer.moved_in_on,
    status: oneOf(STATUSES.options, transfer.status),
    overdue: transfer.status === 'awaiting_acknowledgement' && new Date(transfer.acknowledgement_due_at) < now,
    awareAt: iso(transfer.aware_at),
    previousAuthorityNotified: transfer.previous_authority_notified,
    previousAuthorityNotifiedAt: iso(transfer.previous_authority_notified_at),
    acknowledgementDueAt: iso(transfer.acknowledgement_due_at),
    conferenceDueAt: iso(transfer.conference_due_at),
    acknowledgedAt: iso(transfer.acknowledged_at),
    acknowledgedBy: transfer.acknowledged_by,
    acknowledgedByAuthority: transfer.acknowledged_by_la,
    acknowledgementChannel: transfer.acknowledgement_channel,
    handoverDiscussion: transfer.handover_discussion,
  };
}
