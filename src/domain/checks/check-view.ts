import { isoInstant as iso } from '../../lib/dates.js';
import type { CheckRow, SharingRow } from '../../db/schema.js';
import { sharingView } from '../sharing/sharing-view.js';
import type { PartnerSettings } from '../../rules/partner-settings.js';
import type { Partner } from '../../schemas/codes.js';
import { OUTSTANDING } from '../../db/repositories/checks.repo.js';

const outstanding = new Set<string>(OUTSTANDING);

/** A check as the API shows it; overdue is worked out against the caller's now, not stored. */
export function checkView(check: CheckRow, partners: PartnerSettings, now: Date, sharing: SharingRow | null) {
  return {
    id: check.id,
    contactId: check.contact_id,
    partner: check.partner,
    partnerName: partners.partners[check.partner as Partner]?.name ?? check.partner,
    partnerAuthority: check.partner_la,
    dispatch: check.dispatch,
    status: check.status,
    overdue: outstanding.has(check.status) && new Date(check.due_at) < now,
    priority: check.priority,
    asks: check.asks,
    people: check.people,
    requestedAt: iso(check.requested_at)!,
    dueAt: iso(check.due_at)!,
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
