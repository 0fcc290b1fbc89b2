import { appendAudit, listAuditForContact } from '../../db/repositories/audit.repo.js';
import { findContact } from '../../db/repositories/contacts.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';

/** contact.decided → decided: the event names the trail shows. */
const eventName = (action: string) => action.replace(/^contact\./, '');

/**
 * Every audit event of a contact, in chain order, with who did it and how
 * the status moved. Reading the trail is itself recorded, after the events read.
 */
export async function readTrail({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'auditor'], 'read a contact’s trail');
  return deps.db.transaction().execute(async (tx) => {
    const contact = await findContact(tx, actor.la, contactId);
    if (!contact) throw new NotFound(`Contact ${contactId}`);
    const rows = await listAuditForContact(tx, actor.la, contactId);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.trail_read', actor, at: deps.clock.now(),
      detail: { events: rows.length, requestId: ctx.requestId },
    }]);
    return {
      contactId,
      status: contact.status,
      events: rows.map((row) => {
        const detail = row.detail as Record<string, unknown>;
        const statusAfter = typeof detail.statusAfter === 'string' ? detail.statusAfter : (typeof detail.status === 'string' ? detail.status : null);
        return {
          id: row.id,
          chainIndex: Number(row.chain_index),
          event: eventName(row.action),
          action: row.action,
          actor: { sub: row.actor_sub, role: row.actor_role },
          at: new Date(row.at).toISOString(),
          change: statusAfter === null ? null : { statusBefore: (detail.statusBefore as string | undefined) ?? null, statusAfter },
          detail,
        };
      }),
    };
  });
}
