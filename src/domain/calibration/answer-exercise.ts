import { appendAudit } from '../../db/repositories/audit.repo.js';
import { findAnswer, insertAnswer, listItems } from '../../db/repositories/calibration.repo.js';
import type { AnswerInput } from '../../schemas/calibration.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict, ValidationFailed } from '../errors.js';
import { exerciseOfActor } from './exercise-access.js';
import { answerView } from './exercise-view.js';

/** A screener's answer to one practice contact of an open exercise of their team: once, and seen by no other screener. */
export async function answerExercise({ ctx, id, input }: { ctx: VerbContext; id: string; input: AnswerInput }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener'], 'answer a calibration exercise');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { exercise } = await exerciseOfActor(tx, actor, id, true);
    if (exercise.status !== 'open') throw new Conflict(`Exercise ${id} is closed`, { currentStatus: exercise.status });
    if (!(await listItems(tx, id)).some((i) => i.id === input.practiceContactId)) {
      throw new ValidationFailed('That practice contact is not in this exercise', [{ path: '/practiceContactId', message: `${input.practiceContactId} is not in exercise ${id}` }]);
    }
    if (await findAnswer(tx, id, input.practiceContactId, actor.sub)) {
      throw new Conflict(`You have already answered ${input.practiceContactId} in this exercise; an answer is given once`);
    }
    const row = {
      id: deps.ids('cal'), la: actor.la, exercise_id: id, practice_contact_id: input.practiceContactId, screener: actor.sub,
      outcome: input.outcome, route: input.route, urgency: input.urgency, rationale: input.rationale ?? null, answered_at: now,
    };
    await insertAnswer(tx, row);
    await appendAudit(tx, [{
      la: actor.la, contactId: null, action: 'calibration.answered', actor, at: now,
      detail: { exerciseId: id, answerId: row.id, practiceContactId: input.practiceContactId, outcome: row.outcome, route: row.route, urgency: row.urgency, requestId: ctx.requestId },
    }]);
    return { id: row.id, exerciseId: id, practiceContactId: row.practice_contact_id, screener: actor.sub, ...answerView(row) };
  });
}
