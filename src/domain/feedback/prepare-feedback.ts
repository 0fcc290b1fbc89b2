import type { Database } from '../../db/client.js';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { countChildren, findUnsentFeedbackForUpdate, insertReferrerFeedback, markFeedbackSuperseded } from '../../db/repositories/referrer-feedback.repo.js';
import type { ContactRow } from '../../db/schema.js';
import type { ReferrerGroup } from '../../schemas/codes.js';
import type { Outcome } from '../../schemas/decision.schema.js';
import type { VerbContext } from '../context.js';
import { feedbackMessage } from './feedback-message.js';

/** Channels a referral comes by that can also carry the answer; the rest leave the choice to the screener. */
const ANSWERABLE = new Set(['phone', 'email', 'online_form', 'letter', 'in_person']);

export interface StandingDecision {
  contact: ContactRow;
  decisionId: string;
  reviewId: string | null;
  outcome: string;
  at: Date;
}

/**
 * Called inside the transaction of a decision that stands (one that follows
 * the triage, or a manager's endorse or overturn): prepares what the
 * referrer is to be told, replacing any feedback not yet sent. An anonymous
 * referrer cannot be told, and the trail says so.
 */
export async function prepareReferrerFeedback(tx: Database, ctx: VerbContext, standing: StandingDecision): Promise<void> {
  const { deps, actor } = ctx;
  const { contact, decisionId, reviewId, outcome, at } = standing;
  const base = { la: contact.la, contactId: contact.id, actor, at };
  const cause = { decisionId, reviewId, requestId: ctx.requestId };
  if (contact.referrer_group === 'anonymous') {
    await appendAudit(tx, [{ ...base, action: 'referrer_feedback.not_needed', detail: { ...cause, reason: 'anonymous_referrer', referrerSource: contact.referrer_source } }]);
    return;
  }
  const id = deps.ids('fbk');
  const earlier = await findUnsentFeedbackForUpdate(tx, contact.id);
  if (earlier) await markFeedbackSuperseded(tx, earlier.id, id, at);
  await insertReferrerFeedback(tx, {
    id, la: contact.la, contact_id: contact.id, decision_id: decisionId, review_id: reviewId, outcome,
    referrer_source: contact.referrer_source, referrer_group: contact.referrer_group,
    channel: contact.channel && ANSWERABLE.has(contact.channel) ? contact.channel : null,
    message: feedbackMessage({
      outcome: outcome as Outcome, receivedAt: new Date(contact.received_at),
      children: await countChildren(tx, contact.id), group: contact.referrer_group as ReferrerGroup,
    }),
    status: 'unsent', created_at: at,
  });
  await appendAudit(tx, [
    ...(earlier ? [{ ...base, action: 'referrer_feedback.superseded', detail: { feedbackId: earlier.id, supersededBy: id, ...cause } }] : []),
    { ...base, action: 'referrer_feedback.prepared', detail: { feedbackId: id, ...cause, referrerSource: contact.referrer_source, referrerGroup: contact.referrer_group } },
  ]);
}
