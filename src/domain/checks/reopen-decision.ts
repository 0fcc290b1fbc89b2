import type { AuditEvent } from '../../audit/entry.js';
import { moveContactStatus } from '../../db/repositories/contact-status.repo.js';
import { findContactForUpdate } from '../../db/repositories/contacts.repo.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { allowedTargets } from '../contacts/status.js';
import type { Prompt } from '../../rules/evaluate.js';
import { present } from '../../lib/one-of.js';

/** Critical prompts of the new triage that the earlier one did not raise as critical. */
export function newCriticalPrompts(before: readonly Pick<Prompt, 'action' | 'indicator'>[], after: readonly Pick<Prompt, 'action' | 'indicator'>[]): string[] {
  const wasCritical = new Set(before.filter((p) => p.indicator === 'critical').map((p) => p.action));
  return after.filter((p) => p.indicator === 'critical' && !wasCritical.has(p.action)).map((p) => p.action);
}

/**
 * A decision that stands was made on a picture that has since changed: when
 * a later triage raises a critical prompt the decision never answered, the
 * contact goes back to awaiting a decision (due at once), so that the
 * screener decides again and any departure goes to a manager. Nothing of the
 * earlier decision is overwritten. Returns the audit event, or null.
 */
export async function reopenForNewCriticalPrompts(tx: Database, args: {
  la: string; contactId: string; actor: Actor; now: Date; triageId: string; gained: string[]; cause: Record<string, unknown>; requestId: string;
  /** The route and urgency the new triage suggests (null for a pack without a response table), for the trail. */
  route: string | null; urgency: string | null;
}): Promise<AuditEvent | null> {
  if (args.gained.length === 0) return null;
  const contact = present(await findContactForUpdate(tx, args.la, args.contactId), 'contact');
  if (!allowedTargets(contact.status, 'reopen').includes('awaiting_decision')) return null;
  const version = await moveContactStatus(tx, {
    la: args.la, contactId: args.contactId, from: contact.status, to: 'awaiting_decision', version: contact.version, decisionDueBy: args.now,
  });
  if (version === null) return null;
  return {
    la: args.la, contactId: args.contactId, action: 'contact.reopened', actor: args.actor, at: args.now,
    detail: {
      statusBefore: contact.status, statusAfter: 'awaiting_decision', version, triageId: args.triageId, route: args.route, urgency: args.urgency,
      newCriticalPrompts: args.gained, cause: args.cause, requestId: args.requestId,
    },
  };
}
