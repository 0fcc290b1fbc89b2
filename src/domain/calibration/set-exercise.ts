import { appendAudit } from '../../db/repositories/audit.repo.js';
import { insertExercise } from '../../db/repositories/calibration.repo.js';
import { findPracticeContacts } from '../../db/repositories/practice-contacts.repo.js';
import type { ExerciseInput } from '../../schemas/calibration.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { NotFound, ValidationFailed } from '../errors.js';
import { exerciseSummary } from './exercise-view.js';
import { teamsOfActor } from './team-access.js';

/** A manager sets a calibration exercise for one of their teams: practice contacts to triage blind, in the order given. */
export async function setExercise({ ctx, input }: { ctx: VerbContext; input: ExerciseInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'set a calibration exercise');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const team = (await teamsOfActor(tx, actor)).find((t) => t.id === input.teamId);
    if (!team) throw new NotFound(`Team ${input.teamId}`);
    const found = new Set((await findPracticeContacts(tx, actor.la, input.practiceContactIds)).map((p) => p.id));
    const missing = input.practiceContactIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
    if (missing.length > 0) {
      throw new ValidationFailed('Not every practice contact is in the bank', missing.map(({ id, i }) => ({ path: `/practiceContactIds/${i}`, message: `${id} is not in this authority’s bank` })));
    }
    const row = {
      id: deps.ids('cex'), la: actor.la, team_id: team.id, title: input.title, show_triage: input.showTriage,
      status: 'open' as const, created_by: actor.sub, created_at: now,
    };
    await insertExercise(tx, row, input.practiceContactIds);
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'calibration.exercise_set', actor, at: now,
      detail: { exerciseId: row.id, teamId: team.id, practiceContactIds: input.practiceContactIds, showTriage: input.showTriage, requestId: ctx.requestId },
    }]);
    return exerciseSummary({ ...row, closed_by: null, closed_at: null }, input.practiceContactIds.length, 0);
  });
}
