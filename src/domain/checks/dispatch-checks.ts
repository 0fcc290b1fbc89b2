import type { CheckRequest, DispatchOutcome } from '../../clients/partner.client.js';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { claimChecksToSend, findCheckForUpdate, updateCheck } from '../../db/repositories/checks.repo.js';
import { listPeople } from '../../db/repositories/contacts.repo.js';
import { markPreviousAuthorityNotified } from '../../db/repositories/transfers.repo.js';
import type { CheckRow } from '../../db/schema.js';
import { partnerEndpoint } from '../../rules/partner-settings.js';
import type { Partner } from '../../schemas/codes.js';
import type { Deps } from '../context.js';
import { chaseOverdueChecks } from './chase-checks.js';
import { DISPATCHER } from './dispatcher.js';
import { present } from '../../lib/one-of.js';


const SENDABLE = new Set(['awaiting_dispatch', 'dispatch_failed']);
const LEASE_MARGIN_MS = 30_000;

export interface DispatchSummary { sent: number; failed: number; abandoned: number; overdue: number; chased: number }

/**
 * One sweep: sends the checks that are due to go, then marks late ones
 * overdue and chases partners that have not answered. Runs after the
 * contact's transaction has committed (on a timer, or called directly);
 * a partner that is down or slow costs this sweep at most the timeout,
 * and the check is tried again later with a growing wait.
 */
export async function dispatchChecks(deps: Deps, limit = 50): Promise<DispatchSummary> {
  const { dispatch } = deps.checks;
  const started = deps.clock.now();
  // The lease outlives a send that times out and a slow record of its outcome on a loaded database, so no
  // second dispatcher sends the same check meanwhile; a dispatcher that dies leaves it to the next after 30 s.
  const leaseUntil = new Date(started.getTime() + dispatch.timeoutMs * 2 + LEASE_MARGIN_MS);
  const claimed = await claimChecksToSend(deps.db, started, leaseUntil, limit);
  const outcomes = await Promise.all(claimed.map((check) => sendOne(deps, check)));
  const chase = await chaseOverdueChecks(deps, limit);
  return {
    sent: outcomes.filter((o) => o === 'sent').length,
    failed: outcomes.filter((o) => o === 'failed').length,
    abandoned: outcomes.filter((o) => o === 'abandoned').length,
    ...chase,
  };
}

async function sendOne(deps: Deps, check: CheckRow): Promise<'sent' | 'failed' | 'abandoned'> {
  const url = partnerEndpoint(deps.checks.partners, check.la, check.partner as Partner, check.partner_la);
  const outcome: DispatchOutcome = url
    ? await deps.checks.client.send(url, await requestFor(deps, check))
    : { delivered: false, reason: 'the partner has no endpoint configured' };
  return recordOutcome(deps, check, outcome, url !== null);
}

/** What the partner needs to find the people in its own records: identifiers go to the partner, never into the trail. */
async function requestFor(deps: Deps, check: CheckRow): Promise<CheckRequest> {
  const { children, adults } = await listPeople(deps.db, check.contact_id);
  const identity = new Map<string, Record<string, unknown>>([
    ...children.map((c) => {
      const r = c.record as Record<string, unknown>;
      return [c.id, { personId: c.person_id, nhsNumber: c.nhs_number, dateOfBirth: c.date_of_birth, expectedDateOfBirth: c.expected_date_of_birth, givenName: r.givenName ?? null, familyName: r.familyName ?? null }] as const;
    }),
    ...adults.map((a) => [a.id, { personId: a.person_id }] as const),
  ]);
  return {
    checkId: check.id,
    requestingAuthority: check.la,
    partner: check.partner,
    priority: check.priority,
    dueAt: new Date(check.due_at).toISOString(),
    asks: check.asks,
    people: (check.people as { id: string }[]).map((p) => ({ ...p, ...identity.get(p.id) })),
    callback: `/api/v1/checks/${check.id}/response`,
  };
}

async function recordOutcome(deps: Deps, claimed: CheckRow, outcome: DispatchOutcome, reachable: boolean): Promise<'sent' | 'failed' | 'abandoned'> {
  const { maxAttempts, retryBaseMs } = deps.checks.dispatch;
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const check = present(await findCheckForUpdate(tx, claimed.la, claimed.id), 'claimed check');
    const stillToSend = SENDABLE.has(check.status);
    const base = { la: check.la, contactId: check.contact_id, actor: DISPATCHER, at: now };
    const about = { checkId: check.id, partner: check.partner, attempt: check.attempts };

    if (outcome.delivered) {
      await updateCheck(tx, check.id, {
        ...(stillToSend ? { status: 'awaiting_response' } : {}),
        dispatched_at: now, partner_reference: outcome.reference, next_attempt_at: null, last_error: outcome.note,
      });
      const events = [{ ...base, action: 'check.dispatched', detail: { ...about, referenceReceived: outcome.reference !== null, note: outcome.note } }];
      if (check.partner === 'previous_authority' && await markPreviousAuthorityNotified(tx, check.contact_id, now)) {
        events.push({ ...base, action: 'transfer.previous_authority_notified', detail: { ...about, referenceReceived: outcome.reference !== null, note: null } });
      }
      await appendAudit(tx, events);
      return 'sent';
    }
    if (!stillToSend) {
      await updateCheck(tx, check.id, { next_attempt_at: null, last_error: outcome.reason });
      return 'failed';
    }
    if (!reachable || check.attempts >= maxAttempts) {
      await updateCheck(tx, check.id, { status: 'send_by_hand', next_attempt_at: null, last_error: outcome.reason });
      await appendAudit(tx, [{ ...base, action: 'check.dispatch_abandoned', detail: { ...about, reason: outcome.reason } }]);
      return 'abandoned';
    }
    const retryAt = new Date(now.getTime() + retryBaseMs * 2 ** (check.attempts - 1));
    await updateCheck(tx, check.id, { status: 'dispatch_failed', next_attempt_at: retryAt, last_error: outcome.reason });
    await appendAudit(tx, [{ ...base, action: 'check.dispatch_failed', detail: { ...about, reason: outcome.reason, retryAt: retryAt.toISOString() } }]);
    return 'failed';
  });
}
