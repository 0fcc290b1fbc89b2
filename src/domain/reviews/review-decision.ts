import type { NewReviewRow } from '../../db/schema.js';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { moveContactStatus } from '../../db/repositories/contact-status.repo.js';
import { findContactForUpdate } from '../../db/repositories/contacts.repo.js';
import { findLatestDecision, insertReview } from '../../db/repositories/decisions.repo.js';
import type { ReviewInput } from '../../schemas/decision.schema.js';
import { requireRole } from '../actor.js';
import { etagOf } from '../contacts/contact-view.js';
import { assertTransition } from '../contacts/status.js';
import type { VerbContext } from '../context.js';
import { Forbidden, NotFound, PreconditionFailed, PreconditionRequired, ValidationFailed } from '../errors.js';
import { reviewView } from '../decisions/decision-view.js';
import { prepareReferrerFeedback } from '../feedback/prepare-feedback.js';

const TARGET = { endorse: 'decided', overturn: 'decided', return: 'awaiting_decision' } as const;

/**
 * A manager's verdict on a decision that departed from the triage. The
 * If-Match ETag must be the contact's current one, so of two managers acting
 * at once exactly one succeeds: the row lock queues them, and the version
 * check in the update refuses whoever read the older version.
 */
export async function reviewDecision({ ctx, contactId, ifMatch, input }: { ctx: VerbContext; contactId: string; ifMatch: string | undefined; input: ReviewInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'review a decision');
  const expected = ifMatch?.trim().replace(/^W\//, '');
  if (!expected || expected === '*') throw new PreconditionRequired('Send If-Match with the contact’s ETag, as read, so that a review never acts on a changed contact');
  return deps.db.transaction().execute(async (tx) => {
    const contact = await findContactForUpdate(tx, actor.la, contactId);
    if (!contact) throw new NotFound(`Contact ${contactId}`);
    const current = etagOf(contact);
    if (expected !== current) {
      throw new PreconditionFailed(`Contact ${contactId} has changed since it was read (now ${contact.status}); read it again before reviewing`, { currentStatus: contact.status });
    }
    const to = TARGET[input.verdict];
    assertTransition(contact.status, input.verdict, to);
    const decision = await findLatestDecision(tx, contactId);
    if (!decision) throw new Error(`Contact ${contactId} is awaiting review without a decision`);
    if (decision.decided_by === actor.sub) throw new Forbidden('A manager may not review a decision they made');
    if (input.verdict === 'overturn' && input.outcome === decision.outcome) {
      throw new ValidationFailed('An overturn must change the outcome', [{ path: '/outcome', message: `is the screener’s outcome (${decision.outcome}); endorse it instead` }]);
    }

    const now = deps.clock.now();
    const version = await moveContactStatus(tx, { la: actor.la, contactId, from: contact.status, to, version: contact.version });
    if (version === null) throw new PreconditionFailed(`Contact ${contactId} has changed since it was read; read it again before reviewing`);
    const row: NewReviewRow & { reviewed_at: Date } = {
      id: deps.ids('rev'), contact_id: contactId, la: actor.la, decision_id: decision.id, verdict: input.verdict,
      outcome: input.outcome ?? null, rationale: input.rationale, reviewed_by: actor.sub, reviewed_at: now,
    };
    await insertReview(tx, row);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: input.verdict === 'return' ? 'contact.returned' : 'contact.reviewed', actor, at: now,
      detail: {
        reviewId: row.id, decisionId: decision.id, verdict: input.verdict, screenerOutcome: decision.outcome, outcome: row.outcome,
        statusBefore: contact.status, statusAfter: to, version, requestId: ctx.requestId,
      },
    }]);
    if (input.verdict !== 'return') await prepareReferrerFeedback(tx, ctx, { contact, decisionId: decision.id, reviewId: row.id, outcome: row.outcome ?? decision.outcome, at: now });
    deps.logger.info({ contactId, reviewId: row.id, verdict: input.verdict, requestId: ctx.requestId }, 'decision reviewed');
    return { ...reviewView({ ...row, outcome: row.outcome ?? null }), contactStatus: to, contactVersion: version };
  });
}
