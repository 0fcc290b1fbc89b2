import { isoInstant as iso } from '../../lib/dates.js';
import type { DecisionRow, ReviewRow , Stored as Row } from '../../db/schema.js';



export function decisionView(row: Row<DecisionRow>) {
  return {
    id: row.id,
    contactId: row.contact_id,
    sequence: row.sequence,
    triageId: row.triage_id,
    outcome: row.outcome,
    rationale: row.rationale,
    promptResponses: row.prompt_responses,
    overrideReason: row.override_reason,
    childSeen: row.child_seen,
    childSpokenTo: row.child_spoken_to,
    departures: row.departures,
    route: row.route,
    urgency: row.urgency,
    routeChangeReason: row.route_change_reason,
    requiresReview: row.departures.length > 0,
    reviewDueBy: iso(row.review_due_by),
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at)!,
  };
}

export function reviewView(row: Row<ReviewRow>) {
  return {
    id: row.id,
    contactId: row.contact_id,
    decisionId: row.decision_id,
    verdict: row.verdict,
    outcome: row.outcome,
    rationale: row.rationale,
    reviewedBy: row.reviewed_by,
    reviewedAt: iso(row.reviewed_at)!,
  };
}

/**
 * The screener's decisions and the manager's reviews, side by side and never
 * merged; `finalOutcome` is what stands once the contact is decided.
 */
export function decisionsView(decisions: readonly Row<DecisionRow>[], reviews: readonly Row<ReviewRow>[], status: string) {
  const latest = decisions.at(-1) ?? null;
  const latestReview = latest ? reviews.find((r) => r.decision_id === latest.id) ?? null : null;
  const settled = status === 'decided' || status === 'closed';
  return {
    decision: latest && decisionView(latest),
    decisions: decisions.map(decisionView),
    reviews: reviews.map(reviewView),
    finalOutcome: settled && latest ? (latestReview?.verdict === 'overturn' ? latestReview.outcome : latest.outcome) : null,
  };
}
