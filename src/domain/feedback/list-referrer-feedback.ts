import { listReferrerFeedback as listFeedbackRows, type FeedbackFilter } from '../../db/repositories/referrer-feedback.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { decisionsHiddenFrom } from '../second-screens/blind.js';
import { feedbackView } from './feedback-view.js';

/** The authority's feedback to referrers, oldest first: what the front door still owes the people who told it. */
export async function listReferrerFeedback({ ctx, filter }: { ctx: VerbContext; filter: FeedbackFilter }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'list feedback to referrers');
  const rows = await listFeedbackRows(deps.db, actor.la, filter);
  // Feedback says what was decided: not for a screener who may yet take the contact's blind second screen.
  const hidden = await decisionsHiddenFrom(deps.db, actor, [...new Set(rows.map((r) => r.contact_id))]);
  return { feedback: rows.filter((r) => !hidden.has(r.contact_id)).map(feedbackView) };
}
