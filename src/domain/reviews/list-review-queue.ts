import { listPendingReviews } from '../../db/repositories/decisions.repo.js';
import { workingDaysBetween } from '../../lib/working-days.js';
import { requireRole } from '../actor.js';
import { etagOf } from '../contacts/contact-view.js';
import type { VerbContext } from '../context.js';
import type { Departure, StoredPromptResponse } from '../decisions/departures.js';

/**
 * The manager's queue: decisions of their own authority that departed from
 * the triage, oldest due first, each against the authority's review
 * timescale for its priority, brought forward by its urgency's clock
 * (fixed when the decision was made).
 */
export async function listReviewQueue({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'see the review queue');
  const now = deps.clock.now();
  const { calendar } = deps.settings.forAuthority(actor.la);
  const rows = await listPendingReviews(deps.db, actor.la);
  const items = rows.map((row) => {
    const decidedAt = new Date(row.decided_at);
    const dueBy = row.review_due_by === null ? null : new Date(row.review_due_by);
    const responses = row.prompt_responses as StoredPromptResponse[];
    return {
      contactId: row.contact_id,
      etag: etagOf({ id: row.contact_id, version: row.contact_version }),
      priority: row.priority,
      score: row.score,
      receivedAt: new Date(row.received_at).toISOString(),
      decisionId: row.id,
      outcome: row.outcome,
      suggested: { route: row.suggested_route, urgency: row.suggested_urgency },
      route: row.route,
      urgency: row.urgency,
      declinedPrompts: responses.filter((r) => r.response === 'declined')
        .map((r) => ({ action: r.action, indicator: r.indicator, reason: r.reason, raisedBy: r.raisedBy })),
      departures: row.departures as Departure[],
      overrideReason: row.override_reason,
      screener: row.decided_by,
      decidedAt: decidedAt.toISOString(),
      waitingMinutes: Math.max(0, Math.floor((now.getTime() - decidedAt.getTime()) / 60_000)),
      waitingWorkingDays: workingDaysBetween(decidedAt, now, calendar),
      reviewDueBy: dueBy?.toISOString() ?? null,
      overdue: dueBy !== null && now.getTime() > dueBy.getTime(),
    };
  });
  return { status: 'pending' as const, asOf: now.toISOString(), count: items.length, items };
}
