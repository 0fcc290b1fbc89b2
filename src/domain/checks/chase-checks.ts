import { appendAudit } from '../../db/repositories/audit.repo.js';
import { listChecksToChase, markCheckChased, markCheckOverdue } from '../../db/repositories/checks.repo.js';
import type { CheckRow } from '../../db/schema.js';
import { partnerEndpoint } from '../../rules/partner-settings.js';
import type { Partner } from '../../schemas/codes.js';
import type { Deps } from '../context.js';

import { DISPATCHER } from './dispatcher.js';

/**
 * Late checks are marked overdue once (the screener's list shows them), and
 * a partner that took the request by API is sent a reminder, again after
 * each chase interval until it answers.
 */
export async function chaseOverdueChecks(deps: Deps, limit: number): Promise<{ overdue: number; chased: number }> {
  const now = deps.clock.now();
  const chasedBefore = new Date(now.getTime() - deps.checks.dispatch.chaseIntervalMs);
  const late = await listChecksToChase(deps.db, now, chasedBefore, limit);
  let overdue = 0;
  let chased = 0;
  // One check at a time: each is its own transaction, and a slow partner must not hold the whole pool.
  for (const check of late) {
    // biome-ignore lint/performance/noAwaitInLoops: deliberately one at a time (above)
    if (!check.overdue_at && await markOverdue(deps, check, now)) overdue++;
    const remind = check.dispatch === 'api' && check.status === 'awaiting_response'
      && (!check.chased_at || new Date(check.chased_at) < chasedBefore);
    if (remind && await remindPartner(deps, check)) chased++;
  }
  return { overdue, chased };
}

async function markOverdue(deps: Deps, check: CheckRow, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (tx) => {
    if (!await markCheckOverdue(tx, check.id, now)) return false;
    await appendAudit(tx, [{
      la: check.la, contactId: check.contact_id, action: 'check.overdue', actor: DISPATCHER, at: now,
      detail: { checkId: check.id, partner: check.partner, status: check.status, dueAt: new Date(check.due_at).toISOString() },
    }]);
    return true;
  });
}

async function remindPartner(deps: Deps, check: CheckRow): Promise<boolean> {
  const url = partnerEndpoint(deps.checks.partners, check.la, check.partner as Partner, check.partner_la);
  if (!url) return false;
  const number = check.chase_count + 1;
  const outcome = await deps.checks.client.chase(url, {
    checkId: check.id, reference: check.partner_reference, dueAt: new Date(check.due_at).toISOString(), number,
  });
  if (!outcome.delivered) {
    deps.logger.warn({ checkId: check.id, partner: check.partner, reason: outcome.reason }, 'reminder not delivered; will try at the next sweep');
    return false;
  }
  return deps.db.transaction().execute(async (tx) => {
    const at = deps.clock.now();
    const count = await markCheckChased(tx, check.id, at);
    if (count === null) return false;
    await appendAudit(tx, [{
      la: check.la, contactId: check.contact_id, action: 'check.chased', actor: DISPATCHER, at,
      detail: { checkId: check.id, partner: check.partner, reminder: count, dueAt: new Date(check.due_at).toISOString() },
    }]);
    return true;
  });
}
