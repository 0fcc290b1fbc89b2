import { listPendingReviews } from '../../db/repositories/decisions.repo.js';
import { oneOf, oneOfOrNull } from '../../lib/one-of.js';
import { workingDaysBetween } from '../../lib/working-days.js';
import { PRIORITIES, ROUTES, URGENCIES } from '../../schemas/codes.js';
import { OUTCOMES, OVERRIDE_REASONS } from '../../schemas/decision.schema.js';
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
      priority: oneOf(PRIORITIES, row.priority),
      score: row.score,
      receivedAt: new Date(row.received_at).toISOString(),
      decisionId: row.id,
      outcome: oneOf(OUTCOMES, row.outcome),
      suggested: { route: oneOfOrNull(ROUTES, row.suggested_route), urgency: oneOfOrNull(URGENCIES, row.suggested_urgency) },
      route: oneOfOrNull(ROUTES, row.route),
      urgency: oneOfOrNull(URGENCIES, row.urgency),
      declinedPrompts: responses.filter((r) => r.response === 'declined')
        .map((r) => ({ action: r.action, indicator: r.indicator, reason: r.reason, raisedBy: r.raisedBy })),
      departures: row.departures as Departure[],
      overrideReason: oneOfOrNull(OVERRIDE_REASONS, row.override_reason),
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
