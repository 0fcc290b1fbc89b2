import { OUTSTANDING } from '../../db/repositories/checks.repo.js';
import type { CheckRow, SharingRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf } from '../../lib/one-of.js';
import type { PartnerSettings } from '../../rules/partner-settings.js';
import { type CheckView, CHECK_STATUSES, CheckViewSchema } from '../../schemas/check.schema.js';
import { PARTNERS, PRIORITIES } from '../../schemas/codes.js';
import { sharingView } from '../sharing/sharing-view.js';

const outstanding = new Set<string>(OUTSTANDING);

/** A check as the API shows it; overdue is worked out against the caller's now, not stored. */
export function checkView(check: CheckRow, partners: PartnerSettings, now: Date, sharing: SharingRow | null): CheckView {
  const partner = oneOf(PARTNERS, check.partner);
  return {
    id: check.id,
    contactId: check.contact_id,
    partner,
    partnerName: partners.partners[partner]?.name ?? partner,
    partnerAuthority: check.partner_la,
    dispatch: oneOf(CheckViewSchema.shape.dispatch.options, check.dispatch),
    status: oneOf(CHECK_STATUSES, check.status),
    overdue: outstanding.has(check.status) && new Date(check.due_at) < now,
    priority: oneOf(PRIORITIES, check.priority),
    // JSON written by planChecks.
    asks: check.asks as CheckView['asks'],
    people: check.people as CheckView['people'],
    requestedAt: iso(check.requested_at),
    dueAt: iso(check.due_at),
    attempts: check.attempts,
    lastError: check.last_error,
    dispatchedAt: iso(check.dispatched_at),
    partnerReference: check.partner_reference,
    overdueSince: iso(check.overdue_at),
    chasedAt: iso(check.chased_at),
    chaseCount: check.chase_count,
    response: check.response,
    respondedAt: iso(check.responded_at),
    responseRecordedAt: iso(check.response_recorded_at),
    responseRecordedBy: check.response_recorded_by,
    responseChannel: check.response_channel,
    retriageId: check.retriage_id,
    sharing: sharing ? sharingView(sharing) : null,
  };
}
