import type { AuditEvent } from '../../audit/entry.js';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findCheck, findCheckForUpdate, listAskedPartners, listRespondedChecks, updateCheck } from '../../db/repositories/checks.repo.js';
import { findContact, findContactForUpdate, listPeople } from '../../db/repositories/contacts.repo.js';
import { findLatestTriage } from '../../db/repositories/triages.repo.js';
import type { CheckFinding, CheckResponseInput } from '../../schemas/check.schema.js';
import type { PromptAction } from '../../schemas/codes.js';
import { requireRole } from '../actor.js';
import { gatherHistory } from '../contacts/gather-history.js';
import type { VerbContext } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../errors.js';
import { checkView } from './check-view.js';
import type { Database } from '../../db/client.js';
import { findSharingForCheck } from '../../db/repositories/sharing.repo.js';
import type { CheckRow } from '../../db/schema.js';
import { storeCheckSharing } from '../sharing/record-check-sharing.js';
import { changesPicture, findingErrors, summariseFindings } from './enrich.js';
import { openChecks } from './open-follow-ups.js';
import type { Prompt } from '../../rules/evaluate.js';
import { newCriticalPrompts, reopenForNewCriticalPrompts } from './reopen-decision.js';
import { appendLaterTriage, laterTriageView, storedInput, type LaterTriage } from './retriage.js';
import { present } from '../../lib/one-of.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records a partner's answer to a check: typed in by a screener who got it
 * by hand, or sent by the partner's system (an admin token of the
 * authority). An answer that adds to what the triage saw (a current plan,
 * a violent adult, an earlier injury) triages the contact again, appended
 * as the next triage, and says what changed.
 */
export async function recordCheckResponse({ ctx, checkId, input }: { ctx: VerbContext; checkId: string; input: CheckResponseInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'admin'], 'record the answer to a check');
  const now = deps.clock.now();
  const respondedAt = input.respondedAt ? new Date(input.respondedAt) : now;
  if (respondedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationFailed('The answer cannot have been given in the future', [{ path: '/respondedAt', message: 'is later than now' }]);
  }
  const check = await findCheck(deps.db, actor.la, checkId);
  if (!check) throw new NotFound(`Check ${checkId}`);
  const findings: CheckFinding[] = input.findings ?? [];
  const errors = findingErrors(findings, check.people as { id: string; kind: string }[]);
  if (errors.length > 0) throw new ValidationFailed('Some findings do not fit the people this check asks about', errors);
  if (new Date(check.requested_at) > respondedAt) {
    throw new ValidationFailed('The answer cannot predate the request', [{ path: '/respondedAt', message: 'is before the check was requested' }]);
  }

  const retriage = changesPicture(findings);
  // The case system is asked again outside the transaction, as when the contact was recorded.
  const history = retriage ? await historyFor(ctx, check.contact_id) : null;
  const channel = actor.role === 'admin' ? 'partner_api' : input.receivedVia ?? 'other';

  const result = await deps.db.transaction().execute(async (tx) => {
    const locked = present(await findCheckForUpdate(tx, actor.la, checkId), 'check');
    if (locked.status === 'responded') throw new Conflict(`Check ${checkId} already has an answer, recorded at ${new Date(present(locked.response_recorded_at, 'response_recorded_at')).toISOString()}`);
    await requireSharing(tx, ctx, locked, input);
    let updated = await updateCheck(tx, checkId, {
      status: 'responded', next_attempt_at: null, responded_at: respondedAt, response_recorded_at: now,
      response_recorded_by: actor.sub, response_channel: channel,
      response: { ...withoutSharing(input), respondedAt: respondedAt.toISOString(), findings },
    });
    let later: LaterTriage | null = null;
    let newChecks: AuditEvent[] = [];
    let reopened: AuditEvent | null = null;
    if (history) {
      const contact = present(await findContactForUpdate(tx, actor.la, check.contact_id), 'contact');
      const [{ children, adults }, latest, answered] = await Promise.all([
        listPeople(tx, contact.id), findLatestTriage(tx, contact.id), listRespondedChecks(tx, contact.id),
      ]);
      const allFindings = answered.flatMap((c) => ((c.response as { findings?: CheckFinding[] } | null)?.findings ?? []));
      later = await appendLaterTriage(tx, deps, { contact, children, adults, latest: present(latest, 'triage'), history, findings: allFindings, now });
      updated = await updateCheck(tx, checkId, { retriage_id: later.row.id });
      // Prompts the new picture raises go to partners not yet asked, at the new priority.
      newChecks = await openChecks(tx, ctx, { contact: { ...contact, priority: later.row.priority }, children, adults },
        later.row.prompts as { action: PromptAction }[], await listAskedPartners(tx, contact.id));
      reopened = await reopenForNewCriticalPrompts(tx, {
        la: actor.la, contactId: contact.id, actor, now, triageId: later.row.id, requestId: ctx.requestId, cause: { checkId },
        route: later.row.route, urgency: later.row.urgency,
        gained: newCriticalPrompts(present(latest, 'triage').prompts as Prompt[], later.row.prompts as Prompt[]),
      });
    }
    const base = { la: actor.la, contactId: check.contact_id, actor, at: now };
    await appendAudit(tx, [
      {
        ...base, action: 'check.responded',
        detail: {
          checkId, partner: check.partner, channel, respondedAt: respondedAt.toISOString(), noInformationHeld: input.noInformationHeld ?? null,
          findings: summariseFindings(findings), retriageId: later?.row.id ?? null, requestId: ctx.requestId,
        },
      },
      ...(later ? [{
        ...base, action: 'contact.retriaged',
        detail: {
          triageId: later.row.id, sequence: later.row.sequence, cause: { checkId }, ruleSetHash: later.row.rule_set_hash,
          settingsHash: (later.row.settings as { hash: string }).hash, priorityBefore: later.changes.priority.before,
          priorityAfter: later.changes.priority.after, score: later.row.score,
          routeBefore: later.changes.route.before, routeAfter: later.changes.route.after,
          urgencyBefore: later.changes.urgency.before, urgencyAfter: later.changes.urgency.after, promptsGained: later.changes.promptsGained,
          promptsLost: later.changes.promptsLost, fired: (later.row.results as { id: string; fired: boolean }[]).filter((r) => r.fired).map((r) => r.id),
          historyComplete: later.row.history_complete, facts: later.row.facts, requestId: ctx.requestId,
        },
      }] : []),
      ...newChecks,
      ...(reopened ? [reopened] : []),
    ]);
    return { check: updated, later };
  });
  deps.logger.info({ checkId, partner: check.partner, retriaged: result.later !== null, requestId: ctx.requestId }, 'check answered');
  const sharing = present(await findSharingForCheck(deps.db, checkId), 'information_sharing');
  return { check: checkView(result.check, deps.checks.partners, now, sharing), retriage: result.later ? laterTriageView(result.later) : null };
}

const withoutSharing = ({ sharing: _, ...rest }: CheckResponseInput) => rest;

/**
 * A check answered before anything was recorded about sharing (made by
 * phone, say) needs its basis now; one that has its basis must not be given
 * a second. A partner's system can only answer a check it was sent.
 */
async function requireSharing(tx: Database, ctx: VerbContext, check: CheckRow, input: CheckResponseInput): Promise<void> {
  const recorded = await findSharingForCheck(tx, check.id);
  if (recorded && input.sharing) {
    throw new ValidationFailed('This check already has its information-sharing basis recorded', [{ path: '/sharing', message: `must be absent: recorded at ${new Date(recorded.recorded_at).toISOString()}` }]);
  }
  if (recorded) return;
  if (!input.sharing) {
    throw new ValidationFailed('No information may be asked of a partner without a recorded lawful basis and consent position',
      [{ path: '/sharing', message: 'is required: this check has no information-sharing basis recorded (POST /api/v1/checks/{id}/sharing, or send it here)' }]);
  }
  await storeCheckSharing(tx, ctx, check, input.sharing, '/sharing');
}

async function historyFor(ctx: VerbContext, contactId: string) {
  const { deps, actor } = ctx;
  const contact = await findContact(deps.db, actor.la, contactId);
  if (!contact) throw new NotFound(`Contact ${contactId}`);
  const { children, adults } = await listPeople(deps.db, contactId);
  return gatherHistory(deps, actor.la, storedInput(contact, children, adults));
}
