import type { ReferrerFeedbackRow } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf } from '../../lib/one-of.js';
import { REFERRAL_SOURCE_CODES, REFERRER_GROUPS } from '../../schemas/codes.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';
import { type FeedbackView, FeedbackViewSchema } from '../../schemas/feedback.schema.js';

/** Feedback as the API shows it: who it is for by kind only, never by name. */
export function feedbackView(row: ReferrerFeedbackRow): FeedbackView {
  return {
    id: row.id,
    contactId: row.contact_id,
    decisionId: row.decision_id,
    reviewId: row.review_id,
    outcome: oneOf(OUTCOMES, row.outcome),
    referrerSource: oneOf(REFERRAL_SOURCE_CODES, row.referrer_source),
    referrerGroup: oneOf(REFERRER_GROUPS, row.referrer_group),
    professional: row.referrer_group === 'unknown' ? null : row.referrer_group === 'professional',
    channel: row.channel,
    message: row.message,
    status: oneOf(FeedbackViewSchema.shape.status.options, row.status),
    createdAt: iso(row.created_at),
    supersededBy: row.superseded_by,
    supersededAt: iso(row.superseded_at),
    sentAt: iso(row.sent_at),
    sentVia: row.sent_via,
    sentBy: row.sent_by,
    sentRecordedAt: iso(row.sent_recorded_at),
  };
}
