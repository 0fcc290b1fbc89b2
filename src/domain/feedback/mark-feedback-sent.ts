import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findFeedbackForUpdate, markFeedbackSent as markSentRow } from '../../db/repositories/referrer-feedback.repo.js';
import type { FeedbackSentInput } from '../../schemas/feedback.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../errors.js';
import { decisionsHiddenFrom } from '../second-screens/blind.js';
import { feedbackView } from './feedback-view.js';
import { present } from '../../lib/one-of.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Records that the referrer was told: how, when and by whom. Once only; replaced feedback is never sent. */
export async function markFeedbackSent({ ctx, feedbackId, input }: { ctx: VerbContext; feedbackId: string; input: FeedbackSentInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener'], 'record that a referrer was told the outcome');
  const now = deps.clock.now();
  const sentAt = input.sentAt ? new Date(input.sentAt) : now;
  if (sentAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationFailed('Feedback cannot have been sent in the future', [{ path: '/sentAt', message: 'is later than now' }]);
  }
  return deps.db.transaction().execute(async (tx) => {
    const feedback = await findFeedbackForUpdate(tx, actor.la, feedbackId);
    if (!feedback || (await decisionsHiddenFrom(tx, actor, [feedback.contact_id])).has(feedback.contact_id)) throw new NotFound(`Feedback ${feedbackId}`);
    if (feedback.status === 'sent') throw new Conflict(`Feedback ${feedbackId} was already sent, recorded at ${new Date(present(feedback.sent_recorded_at, 'sent_recorded_at')).toISOString()}`, { currentStatus: 'sent' });
    if (feedback.status === 'superseded') throw new Conflict(`Feedback ${feedbackId} was replaced by ${feedback.superseded_by}; send that instead`, { currentStatus: 'superseded', supersededBy: feedback.superseded_by });
    if (sentAt < new Date(feedback.created_at)) {
      throw new ValidationFailed('Feedback cannot have been sent before it was prepared', [{ path: '/sentAt', message: 'is before the decision it reports' }]);
    }
    const sent = await markSentRow(tx, feedbackId, { sent_at: sentAt, sent_via: input.sentVia, sent_by: actor.sub, sent_recorded_at: now });
    if (!sent) throw new Error(`Feedback ${feedbackId} was locked unsent but could not be marked sent`);
    await appendAudit(tx, [{
      la: actor.la, contactId: feedback.contact_id, action: 'referrer_feedback.sent', actor, at: now,
      detail: { feedbackId, decisionId: feedback.decision_id, reviewId: feedback.review_id, sentVia: input.sentVia, sentAt: sentAt.toISOString(), requestId: ctx.requestId },
    }]);
    deps.logger.info({ feedbackId, contactId: feedback.contact_id, requestId: ctx.requestId }, 'referrer feedback sent');
    return feedbackView(sent);
  });
}
