import { countItems, listAnswers, listExercisesOfTeams } from '../../db/repositories/calibration.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { exerciseSummary } from './exercise-view.js';
import { teamsOfActor } from './team-access.js';

/** Exercises set for the caller's team (screener) or teams (manager), oldest first, with how far along they are. */
export async function listExercises({ ctx }: { ctx: VerbContext }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'list calibration exercises');
  const teams = await teamsOfActor(deps.db, actor);
  const exercises = await listExercisesOfTeams(deps.db, actor.la, teams.map((t) => t.id));
  const ids = exercises.map((e) => e.id);
  const [items, answers] = await Promise.all([countItems(deps.db, ids), listAnswers(deps.db, ids, actor.role === 'screener' ? actor.sub : undefined)]);
  return {
    exercises: exercises.map((e) => exerciseSummary(e, items.get(e.id) ?? 0, answers.filter((a) => a.exercise_id === e.id).length)),
  };
}
