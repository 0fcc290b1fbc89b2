import { appendAudit } from '../../db/repositories/audit.repo.js';
import { insertTeam } from '../../db/repositories/teams.repo.js';
import type { TeamInput } from '../../schemas/team.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { checkMembers } from './check-members.js';
import { teamView } from './team-view.js';

/** A manager forms a team of screeners; they manage it, with any other managers named. */
export async function createTeam({ ctx, input }: { ctx: VerbContext; input: TeamInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'form a team');
  const now = deps.clock.now();
  const managers = [...new Set([actor.sub, ...input.managers])].sort();
  const screeners = [...input.screeners].sort();
  return deps.db.transaction().execute(async (tx) => {
    await checkMembers(tx, actor.la, input, null);
    const row = { id: deps.ids('tem'), la: actor.la, name: input.name, created_by: actor.sub, created_at: now };
    await insertTeam(tx, row, { screeners, managers });
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'team.created', actor, at: now,
      detail: { teamId: row.id, screeners, managers, version: 1, requestId: ctx.requestId },
    }]);
    return teamView({ ...row, version: 1, screeners, managers });
  });
}
