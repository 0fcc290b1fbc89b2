import { listTeamsOf } from '../../db/repositories/teams.repo.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../actor.js';

/** The teams whose exercises an actor may see: a screener's own, the teams a manager manages. */
export async function teamsOfActor(db: Database, actor: Actor) {
  if (actor.role !== 'screener' && actor.role !== 'manager') return [];
  return listTeamsOf(db, actor.la, actor.sub, actor.role);
}
