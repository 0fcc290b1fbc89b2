import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findTeamForUpdate, listTeamsOf, replaceMembers } from '../../db/repositories/teams.repo.js';
import type { TeamInput } from '../../schemas/team.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Forbidden, NotFound, PreconditionFailed, ValidationFailed } from '../errors.js';
import { checkMembers } from './check-members.js';
import { teamView } from './team-view.js';

/** A manager of the team renames it or changes who is in it; the members given replace the old ones. */
export async function changeTeam({ ctx, teamId, input, version }: { ctx: VerbContext; teamId: string; input: TeamInput; version: number | undefined }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'change a team');
  const now = deps.clock.now();
  const screeners = [...input.screeners].sort();
  const managers = [...new Set(input.managers)].sort();
  if (managers.length === 0) throw new ValidationFailed('A team needs a manager', [{ path: '/managers', message: 'must name at least one manager' }]);
  return deps.db.transaction().execute(async (tx) => {
    const team = await findTeamForUpdate(tx, actor.la, teamId);
    if (!team) throw new NotFound(`Team ${teamId}`);
    const mine = await listTeamsOf(tx, actor.la, actor.sub, 'manager');
    if (!mine.some((t) => t.id === teamId)) throw new Forbidden('Only a manager of the team may change it');
    if (version !== undefined && version !== team.version) throw new PreconditionFailed(`Team ${teamId} has changed since version ${version}; read it again`);
    await checkMembers(tx, actor.la, input, teamId);
    const next = await replaceMembers(tx, team, input.name, { screeners, managers });
    if (next === null) throw new PreconditionFailed(`Team ${teamId} changed while it was being saved; read it again`);
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'team.changed', actor, at: now,
      detail: { teamId, screeners, managers, version: next, requestId: ctx.requestId },
    }]);
    return teamView({ ...team, name: input.name, version: next, screeners, managers });
  });
}
