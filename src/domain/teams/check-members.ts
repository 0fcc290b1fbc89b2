import { findTeamByName, screenersInOtherTeams } from '../../db/repositories/teams.repo.js';
import type { Database } from '../../db/client.js';
import type { TeamInput } from '../../schemas/team.schema.js';
import { Conflict } from '../errors.js';

/** A team's name is unique in its authority, and a screener is in one team of it at most. */
export async function checkMembers(tx: Database, la: string, input: TeamInput, teamId: string | null): Promise<void> {
  const named = await findTeamByName(tx, la, input.name);
  if (named && named.id !== teamId) throw new Conflict(`A team named ${input.name} already exists`, { teamId: named.id });
  const elsewhere = await screenersInOtherTeams(tx, la, input.screeners, teamId);
  if (elsewhere.length > 0) {
    throw new Conflict(`A screener is in one team at most: ${elsewhere.map((m) => `${m.sub} is in ${m.team_id}`).join('; ')}`,
      { screeners: elsewhere.map((m) => m.sub) });
  }
}
