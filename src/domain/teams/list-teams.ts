import { listTeamsOf } from '../../db/repositories/teams.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { teamView } from './team-view.js';

/** The teams the caller is in: a screener's one team, or the teams a manager manages. */
export async function listTeams({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'list teams');
  const teams = await listTeamsOf(deps.db, actor.la, actor.sub, actor.role === 'manager' ? 'manager' : 'screener');
  return { teams: teams.map(teamView) };
}
