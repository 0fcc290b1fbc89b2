import type { AuditEvent } from '../../audit/entry.js';
import { appendAudit } from '../../db/repositories/audit.repo.js';
import { moveContactStatus } from '../../db/repositories/contact-status.repo.js';
import { findContactForUpdate } from '../../db/repositories/contacts.repo.js';
import { findSecondScreenForUpdate, updateSecondScreen } from '../../db/repositories/second-screens.repo.js';
import type { SettlementInput } from '../../schemas/second-screen.schema.js';
import { requireRole } from '../actor.js';
import { allowedTargets } from '../contacts/status.js';
import type { VerbContext } from '../context.js';
import { Conflict, NotFound, PreconditionFailed } from '../errors.js';
import { secondScreenView } from './second-screen-view.js';
import { present } from '../../lib/one-of.js';

/**
 * A manager settles a disagreement between the first and second screens,
 * with reasons. When the outcome that should stand is not the one that
 * stood and the contact is still open, it goes back for a new decision
 * (due at once), as when new information raises the stakes; a closed
 * contact stays closed and the settlement says so.
 */
export async function settleSecondScreen({ ctx, id, input }: { ctx: VerbContext; id: string; input: SettlementInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'settle a second screen');
  return deps.db.transaction().execute(async (tx) => {
    const screen = await findSecondScreenForUpdate(tx, actor.la, id);
    if (!screen) throw new NotFound(`Second screen ${id}`);
    if (screen.status !== 'awaiting_settlement') throw new Conflict(`Second screen ${id} is ${screen.status}, not awaiting settlement`, { currentStatus: screen.status });
    const now = deps.clock.now();
    const outcome = input.standing === 'first' ? screen.first_outcome : input.standing === 'second' ? present(screen.outcome, 'outcome') : present(input.outcome, 'outcome');
    const contact = present(await findContactForUpdate(tx, actor.la, screen.contact_id), 'contact');
    const reopen = outcome !== screen.first_outcome && allowedTargets(contact.status, 'reopen').includes('awaiting_decision');
    const updated = await updateSecondScreen(tx, screen, {
      status: 'settled', settled_by: actor.sub, settled_at: now, standing: input.standing, settled_outcome: outcome,
      settlement_rationale: input.rationale, reopened: reopen,
    });
    if (!updated) throw new PreconditionFailed(`Second screen ${id} changed while it was being settled; read it again`);
    const events: AuditEvent[] = [{
      la: actor.la, contactId: screen.contact_id, action: 'second_screen.settled', actor, at: now,
      detail: {
        secondScreenId: id, decisionId: screen.decision_id, standing: input.standing, outcome, firstOutcome: screen.first_outcome,
        secondOutcome: screen.outcome, reopened: reopen, contactStatus: contact.status, requestId: ctx.requestId,
      },
    }];
    if (reopen) {
      const version = await moveContactStatus(tx, {
        la: actor.la, contactId: contact.id, from: contact.status, to: 'awaiting_decision', version: contact.version, decisionDueBy: now,
      });
      if (version === null) throw new PreconditionFailed(`Contact ${contact.id} changed while the second screen was being settled; try again`);
      events.push({
        la: actor.la, contactId: contact.id, action: 'contact.reopened', actor, at: now,
        detail: { statusBefore: contact.status, statusAfter: 'awaiting_decision', version, cause: { secondScreenId: id, settledOutcome: outcome } },
      });
    }
    await appendAudit(tx, events);
    deps.logger.info({ secondScreenId: id, standing: input.standing, reopened: reopen, requestId: ctx.requestId }, 'second screen settled');
    return secondScreenView(updated);
  });
}
