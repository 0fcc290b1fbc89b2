import { appendAudit } from '../../db/repositories/audit.repo.js';
import { stampClosedContact } from '../../db/repositories/closed-contacts.repo.js';
import { moveContactStatus } from '../../db/repositories/contact-status.repo.js';
import { findContactForUpdate } from '../../db/repositories/contacts.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound, PreconditionFailed } from '../errors.js';
import { assertTransition } from './status.js';

/** Closes a decided contact: from then on it accepts no decision or review. */
export async function closeContact({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'close a contact');
  return deps.db.transaction().execute(async (tx) => {
    const contact = await findContactForUpdate(tx, actor.la, contactId);
    if (!contact) throw new NotFound(`Contact ${contactId}`);
    assertTransition(contact.status, 'close', 'closed');
    const now = deps.clock.now();
    const version = await moveContactStatus(tx, { la: actor.la, contactId, from: contact.status, to: 'closed', version: contact.version, closedAt: now });
    if (version === null) throw new PreconditionFailed(`Contact ${contactId} changed while it was being closed; read it again`);
    const stamp = await stampClosedContact(tx, actor.la, contactId);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.closed', actor, at: now,
      detail: { statusBefore: contact.status, statusAfter: 'closed', version, finalOutcome: stamp.finalOutcome, overridden: stamp.overridden, requestId: ctx.requestId },
    }]);
    return { id: contactId, status: 'closed' as const, closedAt: now.toISOString(), version };
  });
}
