import { listAnswers, listItems } from '../../db/repositories/calibration.repo.js';
import { isoInstant as iso } from '../../lib/dates.js';
import { oneOf } from '../../lib/one-of.js';
import { ROUTES, URGENCIES } from '../../schemas/codes.js';
import { OUTCOMES } from '../../schemas/decision.schema.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { Conflict } from '../errors.js';
import { exerciseAgreement, isSmallExercise, spreadOf } from './agreement.js';
import { exerciseOfActor } from './exercise-access.js';
import { answerView } from './exercise-view.js';
import type { Expected } from './practice-view.js';

/**
 * How far the team agreed: Krippendorff's alpha and Fleiss' kappa on
 * outcome, route and urgency with seeded bootstrap intervals, and for each
 * practice contact how the answers spread beside the bank's label. Screeners
 * see it once the exercise closes, so no one's answers lead another's; who
 * answered what is for the manager only.
 */
export async function exerciseResults({ ctx, id }: { ctx: VerbContext; id: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'read the results of a calibration exercise');
  const { exercise } = await exerciseOfActor(deps.db, actor, id);
  if (actor.role === 'screener' && exercise.status !== 'closed') {
    throw new Conflict('The results are shown when the exercise closes, so that no one’s answers lead another’s', { currentStatus: exercise.status });
  }
  const [items, answers] = await Promise.all([listItems(deps.db, id), listAnswers(deps.db, [id])]);
  const screeners = new Set(answers.map((a) => a.screener)).size;
  return {
    exerciseId: id, title: exercise.title, status: exercise.status, closedAt: iso(exercise.closed_at), screeners,
    smallNumber: isSmallExercise(items.length, screeners),
    agreement: exerciseAgreement(items.map((i) => i.id), answers, id),
    practiceContacts: items.map((item) => {
      const given = answers.filter((a) => a.practice_contact_id === item.id);
      const expected = item.expected as Expected | null;
      const mine = given.find((a) => a.screener === actor.sub);
      return {
        id: item.id, reference: item.reference, title: item.title, answers: given.length,
        outcome: spreadOf(given.map((a) => a.outcome)), route: spreadOf(given.map((a) => a.route)), urgency: spreadOf(given.map((a) => a.urgency)),
        expected: expected && { route: expected.route, urgency: expected.urgency, outcome: expected.outcome ?? null, reasoning: expected.reasoning ?? null },
        byScreener: actor.role === 'manager' ? given.map((a) => ({ screener: a.screener, outcome: oneOf(OUTCOMES, a.outcome), route: oneOf(ROUTES, a.route), urgency: oneOf(URGENCIES, a.urgency) })) : null,
        yourAnswer: mine ? answerView(mine) : null,
      };
    }),
  };
}

export type ExerciseResults = Awaited<ReturnType<typeof exerciseResults>>;
