import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findContact, listPeople } from '../../db/repositories/contacts.repo.js';
import { listDecisions, listReviews } from '../../db/repositories/decisions.repo.js';
import { findLatestTriage } from '../../db/repositories/triages.repo.js';
import type { Database } from '../../db/client.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { decisionsHiddenFrom, withoutDecisions } from '../second-screens/blind.js';
import { contactView, type ContactRows } from './contact-view.js';

export async function loadContactRows(db: Database, la: string, contactId: string): Promise<ContactRows> {
  const contact = await findContact(db, la, contactId);
  if (!contact) throw new NotFound(`Contact ${contactId}`);
  const [{ children, adults }, triage, decisions, reviews] = await Promise.all([
    listPeople(db, contactId), findLatestTriage(db, contactId), listDecisions(db, contactId), listReviews(db, contactId),
  ]);
  if (!triage) throw new Error(`Contact ${contactId} has no triage`);
  return { contact, children, adults, triage, decisions, reviews };
}

/**
 * Reads a contact of the actor's own authority; the read itself is recorded
 * in the trail. While a blind second screen waits on the contact, a screener
 * other than the one who decided reads it without its decisions (and the
 * trail says the read was blind).
 */
export async function readContact({ ctx, contactId }: { ctx: VerbContext; contactId: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager', 'auditor'], 'read a contact');
  return deps.db.transaction().execute(async (tx) => {
    const rows = await loadContactRows(tx, actor.la, contactId);
    const blind = (await decisionsHiddenFrom(tx, actor, [contactId])).has(contactId);
    await appendAudit(tx, [{
      la: actor.la, contactId, action: 'contact.read', actor, at: deps.clock.now(),
      detail: { version: rows.contact.version, ...(blind ? { blind: true } : {}), requestId: ctx.requestId },
    }]);
    return blind ? withoutDecisions(contactView(rows)) : contactView(rows);
  });
}
