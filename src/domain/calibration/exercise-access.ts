import { findExercise, findExerciseForUpdate } from '../../db/repositories/calibration.repo.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { NotFound } from '../errors.js';
import { teamsOfActor } from './team-access.js';

/** An exercise of one of the actor's teams; to anyone else it does not exist. */
export async function exerciseOfActor(db: Database, actor: Actor, id: string, lock = false) {
  const exercise = lock ? await findExerciseForUpdate(db, actor.la, id) : await findExercise(db, actor.la, id);
  if (!exercise) throw new NotFound(`Exercise ${id}`);
  const team = (await teamsOfActor(db, actor)).find((t) => t.id === exercise.team_id);
  if (!team) throw new NotFound(`Exercise ${id}`);
  return { exercise, team };
}
