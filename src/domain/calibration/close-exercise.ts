import { appendAudit } from '../../db/repositories/audit.repo.js';
import { closeExercise as closeRow, countItems, listAnswers } from '../../db/repositories/calibration.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict } from '../errors.js';
import { exerciseOfActor } from './exercise-access.js';
import { exerciseSummary } from './exercise-view.js';

/** A manager closes an exercise: no more answers, and the team may see the results. */
export async function closeExercise({ ctx, id }: { ctx: VerbContext; id: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['manager'], 'close a calibration exercise');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { exercise } = await exerciseOfActor(tx, actor, id, true);
    if (exercise.status !== 'open' || !(await closeRow(tx, id, actor.sub, now))) throw new Conflict(`Exercise ${id} is already closed`, { currentStatus: 'closed' });
    const answers = await listAnswers(tx, [id]);
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'calibration.exercise_closed', actor, at: now,
      detail: { exerciseId: id, answers: answers.length, screeners: new Set(answers.map((a) => a.screener)).size, requestId: ctx.requestId },
    }]);
    return exerciseSummary({ ...exercise, status: 'closed', closed_by: actor.sub, closed_at: now }, (await countItems(tx, [id])).get(id) ?? 0, answers.length);
  });
}
