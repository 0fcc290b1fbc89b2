import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findSecondScreenForUpdate, mayTake, updateSecondScreen } from '../../db/repositories/second-screens.repo.js';
import type { SecondScreenInput } from '../../schemas/second-screen.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed } from '../errors.js';
import { secondScreenView } from './second-screen-view.js';

/**
 * The second screener's own outcome, route and urgency, recorded blind.
 * Agreement is with the outcome that stood; a disagreement waits for a
 * manager to settle it. Only then is the first decision shown to them.
 */
export async function recordSecondScreen({ ctx, id, input }: { ctx: VerbContext; id: string; input: SecondScreenInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener'], 'record a second screen');
  return deps.db.transaction().execute(async (tx) => {
    const screen = await findSecondScreenForUpdate(tx, actor.la, id);
    if (!screen) throw new NotFound(`Second screen ${id}`);
    if (screen.first_decided_by === actor.sub) throw new Forbidden('A second screen is by someone other than the screener who decided');
    if (screen.status !== 'awaiting_screen') throw new Conflict(`Second screen ${id} has already been taken (now ${screen.status})`, { currentStatus: screen.status });
    if (!(await mayTake(tx, screen, actor.sub))) throw new Forbidden('You have worked on this contact, so your screen would not be independent; another screener must take it');
    const now = deps.clock.now();
    const agrees = input.outcome === screen.first_outcome;
    const status = agrees ? 'agreed' : 'awaiting_settlement';
    const updated = await updateSecondScreen(tx, screen, {
      status, screener: actor.sub, outcome: input.outcome, route: input.route, urgency: input.urgency, rationale: input.rationale, screened_at: now, agrees,
    });
    if (!updated) throw new PreconditionFailed(`Second screen ${id} changed while it was being recorded; read it again`);
    await appendAudit(tx, [{
      la: actor.la, contactId: screen.contact_id, action: 'second_screen.recorded', actor, at: now,
      detail: {
        secondScreenId: id, decisionId: screen.decision_id, outcome: input.outcome, route: input.route, urgency: input.urgency,
        agrees, statusBefore: screen.status, statusAfter: status, requestId: ctx.requestId,
      },
    }]);
    deps.logger.info({ secondScreenId: id, agrees, requestId: ctx.requestId }, 'second screen recorded');
    return secondScreenView(updated);
  });
}
