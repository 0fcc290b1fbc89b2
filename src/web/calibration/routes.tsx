import { Hono } from 'hono';
import type { Deps } from '../../domain/context.js';
import { zodFieldErrors } from '../../http/problem.js';
import type { FieldErrors } from '../components.js';
import { value, type FormValues } from '../form-values.js';
import { fieldErrors, optional, readForm as form } from '../second-opinion-form.js';
import { sessionOf as session, webVerbContext, type WebContext, type WebEnv, pathParam } from '../session.js';
import { listTeamsOf } from '../../db/repositories/teams.repo.js';
import { answerExercise } from '../../domain/calibration/answer-exercise.js';
import { teamTrend } from '../../domain/calibration/calibration-trend.js';
import { closeExercise } from '../../domain/calibration/close-exercise.js';
import { exerciseResults } from '../../domain/calibration/exercise-results.js';
import { listExercises } from '../../domain/calibration/list-exercises.js';
import { listPracticeBank } from '../../domain/calibration/list-practice-bank.js';
import { readExercise } from '../../domain/calibration/read-exercise.js';
import { setExercise } from '../../domain/calibration/set-exercise.js';
import { NotFound, ValidationFailed } from '../../domain/errors.js';
import { AnswerInputSchema, ExerciseInputSchema } from '../../schemas/calibration.schema.js';
import { CalibrationPage } from './calibration-page.js';
import { ExerciseResultsPage } from './exercise-results-page.js';
import { ExercisePage, PracticeItemPage } from './exercise-page.js';

/** Calibration exercises: setting one, answering its practice contacts, and the results. */
export function calibrationRoutes(deps: Deps) {
  const app = new Hono<WebEnv>();
  const ctx = (c: WebContext) => webVerbContext(c, deps);
  const calibrationPage = async (c: WebContext, f: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const s = session(c);
    const teams = await listTeamsOf(deps.db, s.la, s.sub, s.role === 'manager' ? 'manager' : 'screener');
    const team = teams.find((t) => t.id === c.req.query('teamId')) ?? teams[0];
    const [{ exercises }, bank, trend] = await Promise.all([
      listExercises({ ctx: ctx(c) }),
      s.role === 'manager' ? listPracticeBank({ ctx: ctx(c) }).then((b) => b.practiceContacts) : Promise.resolve(null),
      team ? teamTrend(deps.db, s.la, team.id) : Promise.resolve(null),
    ]);
    return c.html(<CalibrationPage session={s} exercises={exercises} teams={teams} bank={bank} trend={team && trend ? { team, exercises: trend } : null} form={f} errors={errors} />, status);
  };
  app.get('/calibration', (c) => calibrationPage(c));
  app.post('/calibration', async (c) => {
    const f = await form(c);
    const parsed = ExerciseInputSchema.safeParse({
      teamId: value(f, 'teamId'), title: value(f, 'title'), showTriage: value(f, 'showTriage') === 'true',
      practiceContactIds: ([] as string[]).concat(f.practiceContactIds ?? []),
    });
    if (!parsed.success) return calibrationPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    try {
      const exercise = await setExercise({ ctx: ctx(c), input: parsed.data });
      return c.redirect(`/calibration/${exercise.id}`, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return calibrationPage(c, f, fieldErrors(error.errors), 400);
      throw error;
    }
  });
  app.get('/calibration/:id', async (c) => c.html(<ExercisePage session={session(c)} exercise={await readExercise({ ctx: ctx(c), id: c.req.param('id') })} />));
  app.post('/calibration/:id/close', async (c) => {
    await closeExercise({ ctx: ctx(c), id: c.req.param('id') });
    return c.redirect(`/calibration/${c.req.param('id')}/results`, 303);
  });
  app.get('/calibration/:id/results', async (c) => c.html(<ExerciseResultsPage session={session(c)} results={await exerciseResults({ ctx: ctx(c), id: c.req.param('id') })} />));
  const itemPage = async (c: WebContext, f: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const exercise = await readExercise({ ctx: ctx(c), id: pathParam(c, 'id') });
    const item = exercise.practiceContacts.find((p) => p.id === c.req.param('pid'));
    if (!item) throw new NotFound(`Practice contact ${c.req.param('pid')} in this exercise`);
    return c.html(<PracticeItemPage session={session(c)} exercise={exercise} item={item} form={f} errors={errors} />, status);
  };
  app.get('/calibration/:id/practice/:pid', (c) => itemPage(c));
  app.post('/calibration/:id/practice/:pid', async (c) => {
    const f = await form(c);
    const parsed = AnswerInputSchema.safeParse({
      practiceContactId: c.req.param('pid'), outcome: optional(f, 'outcome'), route: optional(f, 'route'), urgency: optional(f, 'urgency'), rationale: optional(f, 'rationale') ?? null,
    });
    if (!parsed.success) return itemPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await answerExercise({ ctx: ctx(c), id: c.req.param('id'), input: parsed.data });
    const next = (await readExercise({ ctx: ctx(c), id: c.req.param('id') })).practiceContacts.find((p) => !p.yourAnswer);
    return c.redirect(next ? `/calibration/${c.req.param('id')}/practice/${next.id}` : `/calibration/${c.req.param('id')}`, 303);
  });
  return app;
}
