import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findContact } from '../../db/repositories/contacts.repo.js';
import { findSecondScreen, mayTake } from '../../db/repositories/second-screens.repo.js';
import { requireRole } from '../actor.js';
import { contactView } from '../contacts/contact-view.js';
import { loadContactRows } from '../contacts/read-contact.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { withoutDecisions } from './blind.js';
import { blindSecondScreenView, secondScreenView } from './second-screen-view.js';
import { present } from '../../lib/one-of.js';

/**
 * One second screen. The screener who may take it gets the contact and its
 * triage, blind (and the read is recorded as blind); the screeners whose
 * screen it was see it once their part is done; managers see it whole.
 * To anyone else it does not exist.
 */
export async function readSecondScreen({ ctx, id }: { ctx: VerbContext; id: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'read a second screen');
  return deps.db.transaction().execute(async (tx) => {
    const screen = await findSecondScreen(tx, actor.la, id);
    if (!screen) throw new NotFound(`Second screen ${id}`);
    if (actor.role === 'manager') return { secondScreen: secondScreenView(screen), contact: null };
    if (screen.status !== 'awaiting_screen') {
      if (screen.screener === actor.sub || screen.first_decided_by === actor.sub) return { secondScreen: secondScreenView(screen), contact: null };
      throw new NotFound(`Second screen ${id}`);
    }
    if (!(await mayTake(tx, screen, actor.sub))) throw new NotFound(`Second screen ${id}`);
    const rows = await loadContactRows(tx, actor.la, screen.contact_id);
    const contact = present(await findContact(tx, actor.la, screen.contact_id), 'contact');
    await appendAudit(tx, [{
      la: actor.la, contactId: screen.contact_id, action: 'second_screen.read', actor, at: deps.clock.now(),
      detail: { secondScreenId: id, version: contact.version, blind: true, requestId: ctx.requestId },
    }]);
    return {
      secondScreen: blindSecondScreenView({ ...screen, priority: contact.priority, received_at: contact.received_at }),
      contact: withoutDecisions(contactView(rows)),
    };
  });
}
