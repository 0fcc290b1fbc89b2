import { isoInstant as iso } from '../../lib/dates.js';
import type { ReferrerFeedbackRow } from '../../db/schema.js';


/** Feedback as the API shows it: who it is for by kind only, never by name. */
export function feedbackView(row: ReferrerFeedbackRow) {
  return {
    id: row.id,
    contactId: row.contact_id,
    decisionId: row.decision_id,
    reviewId: row.review_id,
    outcome: row.outcome,
    referrerSource: row.referrer_source,
    referrerGroup: row.referrer_group,
    professional: row.referrer_group === 'unknown' ? null : row.referrer_group === 'professional',
    channel: row.channel,
    message: row.message,
    status: row.status,
    createdAt: iso(row.created_at)!,
    supersededBy: row.superseded_by,
    supersededAt: iso(row.superseded_at),
    sentAt: iso(row.sent_at),
    sentVia: row.sent_via,
    sentBy: row.sent_by,
    sentRecordedAt: iso(row.sent_recorded_at),
  };
}
