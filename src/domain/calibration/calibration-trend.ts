import { listAnswers, listExercisesOfTeams, listItems } from '../../db/repositories/calibration.repo.js';
import type { Database } from '../../db/client.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { present } from '../../lib/one-of.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound } from '../errors.js';
import { exerciseAgreement, isSmallExercise } from './agreement.js';
import { teamsOfActor } from './team-access.js';

/** Agreement in each closed exercise of one team, oldest first: whether the team is drawing closer over time. */
export async function teamTrend(db: Database, la: string, teamId: string) {
  const exercises = (await listExercisesOfTeams(db, la, [teamId], 'closed'))
    .sort((a, b) => new Date(present(a.closed_at, 'closed_at')).getTime() - new Date(present(b.closed_at, 'closed_at')).getTime());
  const answers = await listAnswers(db, exercises.map((e) => e.id));
  return Promise.all(exercises.map(async (e) => {
    const items = await listItems(db, e.id);
    const given = answers.filter((a) => a.exercise_id === e.id);
    const screeners = new Set(given.map((a) => a.screener)).size;
    return {
      exerciseId: e.id, title: e.title, closedAt: iso(present(e.closed_at, 'closed_at')), screeners, smallNumber: isSmallExercise(items.length, screeners),
      ...exerciseAgreement(items.map((i) => i.id), given, e.id),
    };
  }));
}

/** The calibration trend of the caller's team (screener) or of one of the teams they manage (manager). */
export async function calibrationTrend({ ctx, teamId }: { ctx: VerbContext; teamId: string | undefined }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'see calibration over time');
  const teams = await teamsOfActor(deps.db, actor);
  const team = teamId ? teams.find((t) => t.id === teamId) : teams[0];
  if (teamId && !team) throw new NotFound(`Team ${teamId}`);
  return { teamId: team?.id ?? null, exercises: team ? await teamTrend(deps.db, actor.la, team.id) : [] };
}
