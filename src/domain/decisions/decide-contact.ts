import { appendAudit } from '../../db/repositories/audit.repo.js';
import { moveContactStatus } from '../../db/repositories/contact-status.repo.js';
import { findContactForUpdate } from '../../db/repositories/contacts.repo.js';
import { findLatestDecision, insertDecision, type DecisionRecord } from '../../db/repositories/decisions.repo.js';
import { findLatestTriage } from '../../db/repositories/triages.repo.js';
import type { Priority, Route, Urgency } from '../../schemas/codes.js';
import type { DecisionInput } from '../../schemas/decision.schema.js';
import { requireRole } from '../actor.js';
import { reviewDueBy } from '../contacts/decision-due.js';
import { assertTransition } from '../contacts/status.js';
import type { VerbContext } from '../context.js';
import { NotFound, PreconditionFailed, ValidationFailed } from '../errors.js';
import { prepareReferrerFeedback } from '../feedback/prepare-feedback.js';
import { decisionView } from './decision-view.js';
import { findDepartures, matchResponses, type TriagePrompt } from './departures.js';
import { finalResponse } from './final-response.js';
import { guardsFor } from './guards.js';
import { present } from '../../lib/one-of.js';
import { countOf } from '../../lib/plural.js';

/**
 * The screener's decision on a contact, checked against its current triage.
 * A decision that departs from the triage goes to a manager; one that
 * follows it stands. Each decision is its own row, never overwritten.
 */
export async function decideContact({ ctx, contactId, input }: { ctx: VerbContext; contactId: string; input: DecisionInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener'], 'decide on a contact');
  return deps.db.transaction().execute(async (tx) => {
    // Locked so that two screeners deciding at once are taken one after the other.
    const contact = await findContactForUpdate(tx, actor.la, contactId);
    if (!contact) throw new NotFound(`Contact ${contactId}`);
    assertTransition(contact.status, 'decide');
    const triage = await findLatestTriage(tx, contactId);
    if (!triage) throw new Error(`Contact ${contactId} has no triage`);

    const priority = triage.priority as Priority;
    const prompts = triage.prompts as TriagePrompt[];
    const guards = await guardsFor(tx, deps, triage.rule_set_hash);
    const { errors, stored } = matchResponses(prompts, input.promptResponses, { outcome: input.outcome, guards });
    const response = finalResponse({ route: triage.route as Route | null, urgency: triage.urgency as Urgency | null }, input, errors);
    const departures = [...findDepartures(priority, prompts, stored, input.outcome), ...response.departures];
    if (departures.length > 0 && !input.overrideReason) {
      errors.push({ path: '/overrideReason', message: `this decision departs from the triage (${departures.map((d) => d.kind).join(', ')}): give policy, discretionary or other` });
    }
    if (errors.length > 0) throw new ValidationFailed(`${countOf(errors.length, 'problem')} with the decision`, errors);

    const now = deps.clock.now();
    const status = departures.length > 0 ? 'awaiting_review' : 'decided';
    assertTransition(contact.status, 'decide', status);
    const settings = deps.settings.forAuthority(actor.la);
    const previous = await findLatestDecision(tx, contactId);
    const row: DecisionRecord = {
      id: deps.ids('dec'),
      contact_id: contactId,
      la: actor.la,
      sequence: (previous?.sequence ?? 0) + 1,
      triage_id: triage.id,
      outcome: input.outcome,
      rationale: input.rationale,
      prompt_responses: stored,
      override_reason: input.overrideReason ?? null,
      child_seen: input.childSeen,
      child_spoken_to: input.childSpokenTo,
      departures,
      route: response.route,
      urgency: response.urgency,
      route_change_reason: response.departures.length > 0 ? present(input.routeChangeReason, 'routeChangeReason') : null,
      review_due_by: departures.length > 0 ? reviewDueBy(now, priority, [triage.urgency as Urgency | null, response.urgency], settings) : null,
      decided_by: actor.sub,
      decided_at: now,
    };
    await insertDecision(tx, row);
    const version = await moveContactStatus(tx, { la: actor.la, contactId, from: contact.status, to: status, version: contact.version });
    if (version === null) throw new PreconditionFailed(`Contact ${contactId} changed while the decision was being recorded; read it again`);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.decided', actor, at: now,
      detail: {
        decisionId: row.id, sequence: row.sequence, triageId: triage.id, outcome: input.outcome, overrideReason: row.override_reason,
        promptResponses: stored.map((r) => ({ action: r.action, indicator: r.indicator, response: r.response })),
        departures: departures.map((d) => d.kind), childSeen: input.childSeen, childSpokenTo: input.childSpokenTo,
        suggestedRoute: triage.route, suggestedUrgency: triage.urgency, route: row.route, urgency: row.urgency,
        statusBefore: contact.status, statusAfter: status, version, requestId: ctx.requestId,
      },
    }]);
    if (status === 'decided') await prepareReferrerFeedback(tx, ctx, { contact, decisionId: row.id, reviewId: null, outcome: row.outcome, at: now });
    deps.logger.info({ contactId, decisionId: row.id, status, departures: departures.length, requestId: ctx.requestId }, 'decision recorded');
    return { ...decisionView(row), contactStatus: status, contactVersion: version };
  });
}
