import type { DecisionRow, ReviewRow, Stored as Row } from '../../db/schema.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf, oneOfOrNull } from '../../lib/one-of.js';
import { ROUTES, URGENCIES } from '../../schemas/codes.js';
import { type DecisionView, OUTCOMES, OVERRIDE_REASONS, type ReviewView, VERDICTS } from '../../schemas/decision.schema.js';

export function decisionView(row: Row<DecisionRow>): DecisionView {
  return {
    id: row.id,
    contactId: row.contact_id,
    sequence: row.sequence,
    triageId: row.triage_id,
    outcome: oneOf(OUTCOMES, row.outcome),
    rationale: row.rationale,
    // JSON written by decideContact from the validated input.
    promptResponses: row.prompt_responses as DecisionView['promptResponses'],
    overrideReason: oneOfOrNull(OVERRIDE_REASONS, row.override_reason),
    childSeen: row.child_seen,
    childSpokenTo: row.child_spoken_to,
    departures: row.departures as DecisionView['departures'],
    route: oneOfOrNull(ROUTES, row.route),
    urgency: oneOfOrNull(URGENCIES, row.urgency),
    routeChangeReason: row.route_change_reason,
    requiresReview: row.departures.length > 0,
    reviewDueBy: iso(row.review_due_by),
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
  };
}

export function reviewView(row: Row<ReviewRow>): ReviewView {
  return {
    id: row.id,
    contactId: row.contact_id,
    decisionId: row.decision_id,
    verdict: oneOf(VERDICTS, row.verdict),
    outcome: oneOfOrNull(OUTCOMES, row.outcome),
    rationale: row.rationale,
    reviewedBy: row.reviewed_by,
    reviewedAt: iso(row.reviewed_at),
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
  const final = settled && latest ? (latestReview?.verdict === 'overturn' ? latestReview.outcome : latest.outcome) : null;
  return {
    decision: latest && decisionView(latest),
    decisions: decisions.map(decisionView),
    reviews: reviews.map(reviewView),
    finalOutcome: oneOfOrNull(OUTCOMES, final),
  };
}
