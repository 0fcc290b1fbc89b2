import { Hono, type Context } from 'hono';
import { listTeamsOf } from '../db/repositories/teams.repo.js';
import { answerExercise } from '../domain/calibration/answer-exercise.js';
import { teamTrend } from '../domain/calibration/calibration-trend.js';
import { closeExercise } from '../domain/calibration/close-exercise.js';
import { exerciseResults } from '../domain/calibration/exercise-results.js';
import { listExercises } from '../domain/calibration/list-exercises.js';
import { listPracticeBank } from '../domain/calibration/list-practice-bank.js';
import { readExercise } from '../domain/calibration/read-exercise.js';
import { setExercise } from '../domain/calibration/set-exercise.js';
import type { Deps } from '../domain/context.js';
import { NotFound, ValidationFailed, type FieldError } from '../domain/errors.js';
import { summariseScreeningOutcomes } from '../domain/outcomes/summarise-screening-outcomes.js';
import { reflectOnScreening } from '../domain/reflection/reflect-on-screening.js';
import { drawSecondScreens } from '../domain/second-screens/draw-second-screens.js';
import { listSecondScreens } from '../domain/second-screens/list-second-screens.js';
import { readSecondScreen } from '../domain/second-screens/read-second-screen.js';
import { recordSecondScreen } from '../domain/second-screens/record-second-screen.js';
import { settleSecondScreen } from '../domain/second-screens/settle-second-screen.js';
import { changeTeam } from '../domain/teams/change-team.js';
import { createTeam } from '../domain/teams/create-team.js';
import { zodFieldErrors } from '../http/problem.js';
import { verbContext } from '../http/verb-context.js';
import { AnswerInputSchema, ExerciseInputSchema } from '../schemas/calibration.schema.js';
import { OversightQuery } from '../schemas/oversight.schema.js';
import { ReflectionQuerySchema } from '../schemas/reflection.schema.js';
import { SecondScreenInputSchema, SettlementInputSchema } from '../schemas/second-screen.schema.js';
import { TeamInputSchema } from '../schemas/team.schema.js';
import type { FieldErrors } from './components.js';
import { value, type FormValues } from './contact-form.js';
import { CalibrationPage } from './pages/calibration.js';
import { ExerciseResultsPage } from './pages/exercise-results.js';
import { ExercisePage, PracticeItemPage } from './pages/exercise.js';
import { ReflectionPage } from './pages/reflection.js';
import { ScreeningOutcomesPage } from './pages/screening-outcomes.js';
import { SecondScreenPage } from './pages/second-screen.js';
import { SecondScreensPage } from './pages/second-screens.js';
import { TeamsPage } from './pages/teams.js';
import type { WebEnv } from './web-env.js';

type WebContext = Context<WebEnv>;

const PATHS = ['/second-screens', '/second-screens/*', '/calibration', '/calibration/*', '/teams', '/teams/*', '/screening-outcomes', '/screeners/*', '/my-practice'];

/** `/practiceContactIds/1` → `practiceContactIds`: the form field an error belongs to, with its message. */
function fieldErrors(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = e.path.split('/')[1] || 'form';
    out[key] ??= `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${e.message}`;
  }
  return out;
}

const form = async (c: WebContext) => (await c.req.parseBody({ all: true })) as FormValues;
const optional = (f: FormValues, name: string) => value(f, name) || undefined;
const subs = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/**
 * The pages for second opinions and calibration, for each role: blind second
 * screens and their settlement, calibration exercises and their results,
 * teams, screening outcomes and a screener's own page. Mounted inside the
 * web routes, so they share the session, CSRF check and error pages.
 */
export function secondOpinionPages(deps: Deps) {
  const app = new Hono<WebEnv>();
  const ctx = (c: WebContext) => verbContext(c as never, deps);
  for (const path of PATHS) {
    app.use(path, async (c, next) => {
      if (!c.get('session')) return c.redirect(c.get('sessionExpired') ? '/sign-in?expired=1' : '/sign-in', 303);
      return next();
    });
  }
  const session = (c: WebContext) => c.get('session')!;

  // Second screens
  app.get('/second-screens', async (c) => {
    const role = session(c).role;
    const status = c.req.query('status') ?? (role === 'manager' ? 'awaiting_settlement' : 'awaiting_screen');
    const drawn = /^(\d+)-(\d+)$/.exec(c.req.query('drawn') ?? '');
    const { items } = await listSecondScreens({ ctx: ctx(c), status, limit: 200 });
    return c.html(<SecondScreensPage session={session(c)} items={items} status={status} drawn={drawn ? { considered: Number(drawn[1]), selected: Number(drawn[2]) } : null} />);
  });
  app.post('/second-screens/draws', async (c) => {
    const draw = await drawSecondScreens({ ctx: ctx(c) });
    return c.redirect(`/second-screens?status=awaiting_screen&drawn=${draw.considered}-${draw.selected.length}`, 303);
  });
  const screenPage = async (c: WebContext, f: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) =>
    c.html(<SecondScreenPage session={session(c)} read={await readSecondScreen({ ctx: ctx(c), id: c.req.param('id')! })} form={f} errors={errors} />, status);
  app.get('/second-screens/:id', (c) => screenPage(c));
  app.post('/second-screens/:id', async (c) => {
    const f = await form(c);
    const parsed = SecondScreenInputSchema.safeParse({ outcome: optional(f, 'outcome'), route: optional(f, 'route'), urgency: optional(f, 'urgency'), rationale: value(f, 'rationale') });
    if (!parsed.success) return screenPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await recordSecondScreen({ ctx: ctx(c), id: c.req.param('id'), input: parsed.data });
    return c.redirect(`/second-screens/${c.req.param('id')}`, 303);
  });
  app.post('/second-screens/:id/settlement', async (c) => {
    const f = await form(c);
    const parsed = SettlementInputSchema.safeParse({ standing: optional(f, 'standing'), rationale: value(f, 'rationale'), ...(optional(f, 'outcome') ? { outcome: value(f, 'outcome') } : {}) });
    if (!parsed.success) return screenPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await settleSecondScreen({ ctx: ctx(c), id: c.req.param('id'), input: parsed.data });
    return c.redirect(`/second-screens/${c.req.param('id')}`, 303);
  });

  // Calibration
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
    const exercise = await readExercise({ ctx: ctx(c), id: c.req.param('id')! });
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

  // Teams
  const teamsPage = async (c: WebContext, f: FormValues = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const s = session(c);
    const teams = await listTeamsOf(deps.db, s.la, s.sub, 'manager');
    const editing = c.req.param('id') ? teams.find((t) => t.id === c.req.param('id')) : null;
    if (c.req.param('id') && !editing) throw new NotFound(`Team ${c.req.param('id')}`);
    const shown = Object.keys(f).length > 0 || !editing ? f : { name: editing.name, screeners: editing.screeners.join('\n'), managers: editing.managers.filter((m) => m !== s.sub).join('\n') };
    return c.html(<TeamsPage session={s} teams={teams} form={shown} errors={errors} editing={editing ?? null} />, status);
  };
  const teamInput = (f: FormValues) => TeamInputSchema.safeParse({ name: value(f, 'name'), screeners: subs(value(f, 'screeners')), managers: subs(value(f, 'managers')) });
  app.get('/teams', (c) => teamsPage(c));
  app.post('/teams', async (c) => {
    const f = await form(c);
    const parsed = teamInput(f);
    if (!parsed.success) return teamsPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    await createTeam({ ctx: ctx(c), input: parsed.data });
    return c.redirect('/teams', 303);
  });
  app.get('/teams/:id', (c) => teamsPage(c));
  app.post('/teams/:id', async (c) => {
    const f = await form(c);
    const parsed = teamInput(f);
    if (!parsed.success) return teamsPage(c, f, fieldErrors(zodFieldErrors(parsed.error)), 400);
    // The manager changing the team stays one of its managers.
    const input = { ...parsed.data, managers: [...new Set([session(c).sub, ...parsed.data.managers])] };
    await changeTeam({ ctx: ctx(c), teamId: c.req.param('id'), input, version: Number(value(f, 'version')) || undefined });
    return c.redirect('/teams', 303);
  });

  // Screening outcomes and a screener's own page
  app.get('/screening-outcomes', async (c) => {
    const query = { from: c.req.query('from'), to: c.req.query('to') };
    if (!query.from && !query.to) return c.html(<ScreeningOutcomesPage session={session(c)} query={{}} summary={null} errors={{}} />);
    const parsed = OversightQuery.safeParse(query);
    if (!parsed.success) return c.html(<ScreeningOutcomesPage session={session(c)} query={query as never} summary={null} errors={fieldErrors(zodFieldErrors(parsed.error))} />, 400);
    return c.html(<ScreeningOutcomesPage session={session(c)} query={parsed.data} summary={await summariseScreeningOutcomes({ ctx: ctx(c), query: parsed.data })} errors={{}} />);
  });
  app.get('/my-practice', (c) => c.redirect(`/screeners/${encodeURIComponent(session(c).sub)}`, 303));
  app.get('/screeners/:sub', async (c) => {
    const parsed = ReflectionQuerySchema.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!parsed.success) throw new ValidationFailed('The period is not valid', zodFieldErrors(parsed.error));
    return c.html(<ReflectionPage session={session(c)} page={await reflectOnScreening({ ctx: ctx(c), sub: c.req.param('sub'), query: parsed.data })} />);
  });
  return app;
}
