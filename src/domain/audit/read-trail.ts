import { appendAudit, listAuditForContact, toStoredLogEntry } from '../../db/repositories/audit.repo.js';
import { findLatestCheckpoint } from '../../db/repositories/audit-tree.repo.js';
import { findContact } from '../../db/repositories/contacts.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { proveEntries } from './prove.js';

/** contact.decided → decided: the event names the trail shows. */
const eventName = (action: string) => action.replace(/^contact\./, '');

/**
 * Every audit event of a contact, in the order written, with who did it and
 * how the status moved, and each event's inclusion proof against the latest
 * signed checkpoint (events written in the last second or so have none yet).
 * Reading the trail is itself recorded, after the events read.
 */
export async function readTrail({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager', 'auditor'], 'read a contact’s trail');
  return deps.db.transaction().execute(async (tx) => {
    const contact = await findContact(tx, actor.la, contactId);
    if (!contact) throw new NotFound(`Contact ${contactId}`);
    const rows = await listAuditForContact(tx, actor.la, contactId);
    const checkpoint = await findLatestCheckpoint(tx, actor.la);
    const proofs = checkpoint ? await proveEntries(tx, actor.la, rows.map(toStoredLogEntry), checkpoint.treeSize) : new Map();
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.trail_read', actor, at: deps.clock.now(),
      detail: { events: rows.length, requestId: ctx.requestId },
    }]);
    return {
      contactId,
      status: contact.status,
      checkpoint: checkpoint && { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.toString('base64'), note: checkpoint.note },
      events: rows.map((row) => {
        const detail = row.detail as Record<string, unknown>;
        // Check and transfer events carry their own statuses; only contact events move the contact's.
        const ofContact = row.action.startsWith('contact.');
        const statusAfter = !ofContact ? null
          : typeof detail.statusAfter === 'string' ? detail.statusAfter : (typeof detail.status === 'string' ? detail.status : null);
        return {
          id: row.id,
          chainIndex: row.chain_index === null ? null : Number(row.chain_index),
          inclusion: proofs.get(row.id) ?? null,
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
