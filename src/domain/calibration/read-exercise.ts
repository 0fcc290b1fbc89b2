import { listAnswers, listItems } from '../../db/repositories/calibration.repo.js';
import { requireRole } from '../actor.js';
import type { VerbContext } from '../context.js';
import { exerciseOfActor } from './exercise-access.js';
import { answerView, exerciseSummary } from './exercise-view.js';
import type { PracticeTriage } from './practice-triage.js';

/**
 * An exercise's practice contacts, as a screener triages them: the contact,
 * and its triage unless the exercise hides it. A screener sees their own
 * answers only; a manager sees how far each screener has got, not what
 * they answered (that is in the results).
 */
export async function readExercise({ ctx, id }: { ctx: VerbContext; id: string }) {
  const { deps, actor } = ctx;
  requireRole(actor, ['screener', 'manager'], 'read a calibration exercise');
  const { exercise, team } = await exerciseOfActor(deps.db, actor, id);
  const [items, answers] = await Promise.all([listItems(deps.db, id), listAnswers(deps.db, [id], actor.role === 'screener' ? actor.sub : undefined)]);
  const screeners = [...new Set([...team.screeners, ...answers.map((a) => a.screener)])].sort();
  return {
    ...exerciseSummary(exercise, items.length, answers.length),
    practiceContacts: items.map((item) => {
      const mine = actor.role === 'screener' ? answers.find((a) => a.practice_contact_id === item.id) : undefined;
      return {
        id: item.id, position: item.position, title: item.title, narrative: item.narrative, contact: item.body,
        // Stored by addPracticeContact from triagePractice's answer.
        triage: exercise.show_triage ? (item.triage as PracticeTriage) : null,
        yourAnswer: mine ? answerView(mine) : null,
      };
    }),
    progress: actor.role === 'manager' ? screeners.map((s) => ({ screener: s, answered: answers.filter((a) => a.screener === s).length })) : null,
  };
}
