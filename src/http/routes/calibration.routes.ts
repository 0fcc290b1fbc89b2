import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { addPracticeContact } from '../../domain/calibration/add-practice-contact.js';
import { answerExercise } from '../../domain/calibration/answer-exercise.js';
import { calibrationTrend } from '../../domain/calibration/calibration-trend.js';
import { closeExercise } from '../../domain/calibration/close-exercise.js';
import { exerciseResults } from '../../domain/calibration/exercise-results.js';
import { listExercises } from '../../domain/calibration/list-exercises.js';
import { listPracticeBank } from '../../domain/calibration/list-practice-bank.js';
import { readExercise } from '../../domain/calibration/read-exercise.js';
import { setExercise } from '../../domain/calibration/set-exercise.js';
import type { Deps } from '../../domain/context.js';
import {
  AnswerInputSchema, AnswerResultSchema, ExerciseIdParam, ExerciseInputSchema, ExerciseListSchema, ExerciseResultsSchema, ExerciseSchema,
  ExerciseSummarySchema, PracticeBankSchema, PracticeContactInputSchema, PracticeContactSummarySchema, TrendQuery, TrendSchema,
} from '../../schemas/calibration.schema.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['Calibration'];
const security = [{ bearer: [] }];

const addPractice = createRoute({
  method: 'post', path: '/practice-contacts', tags, security,
  summary: 'Add a practice contact to the authority’s bank (manager, or admin for an import)',
  description: 'Practice contacts are fictional or anonymised and stored apart from real contacts: they never reach contact lists, checks with partners, referrer feedback, audit samples or oversight. Each is triaged once, when added, by the rule set in force, with no outside history. `npm run calibration:import -- tests/corpus/cases` adds the project’s labelled corpus. A reference already in the bank is 409.',
  request: { body: { required: true, content: { 'application/json': { schema: PracticeContactInputSchema } } } },
  responses: { 201: json(PracticeContactSummarySchema, 'Added'), ...INVALID, ...CONFLICT, ...COMMON_ERRORS },
});

const bank = createRoute({
  method: 'get', path: '/practice-contacts', tags, security,
  summary: 'The bank of practice contacts, with their labels (manager)',
  responses: { 200: json(PracticeBankSchema, 'The bank'), ...COMMON_ERRORS },
});

const set = createRoute({
  method: 'post', path: '/calibration/exercises', tags, security,
  summary: 'Set a calibration exercise for a team the caller manages (manager)',
  request: { body: { required: true, content: { 'application/json': { schema: ExerciseInputSchema } } } },
  responses: { 201: json(ExerciseSummarySchema, 'The exercise'), ...INVALID, ...NOT_FOUND, ...COMMON_ERRORS },
});

const list = createRoute({
  method: 'get', path: '/calibration/exercises', tags, security,
  summary: 'Exercises of the caller’s team (screener) or teams (manager)',
  responses: { 200: json(ExerciseListSchema, 'The exercises'), ...COMMON_ERRORS },
});

const read = createRoute({
  method: 'get', path: '/calibration/exercises/{id}', tags, security,
  summary: 'An exercise’s practice contacts, to triage blind (screener: with their own answers only; manager: with each screener’s progress)',
  request: { params: ExerciseIdParam },
  responses: { 200: json(ExerciseSchema, 'The exercise'), ...NOT_FOUND, ...COMMON_ERRORS },
});

const answer = createRoute({
  method: 'post', path: '/calibration/exercises/{id}/answers', tags, security,
  summary: 'Answer one practice contact of an open exercise: outcome, route and urgency (screener of the team; once each)',
  request: { params: ExerciseIdParam, body: { required: true, content: { 'application/json': { schema: AnswerInputSchema } } } },
  responses: { 201: json(AnswerResultSchema, 'The answer'), ...INVALID, ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

const close = createRoute({
  method: 'post', path: '/calibration/exercises/{id}/close', tags, security,
  summary: 'Close an exercise: no more answers, and the team may see the results (manager of the team)',
  request: { params: ExerciseIdParam },
  responses: { 200: json(ExerciseSummarySchema, 'Closed'), ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

const results = createRoute({
  method: 'get', path: '/calibration/exercises/{id}/results', tags, security,
  summary: 'Agreement in an exercise: Krippendorff’s alpha and Fleiss’ kappa on outcome, route and urgency, and which answers diverged on each practice contact (manager; screeners of the team once it closes)',
  description: 'Intervals are 95% percentile bootstraps over practice contacts, 1,000 resamples seeded by the exercise id and the figure, so the same answers always give the same interval. An exercise with fewer than 5 practice contacts or 3 screeners is marked smallNumber. While the exercise is open a screener is refused (409).',
  request: { params: ExerciseIdParam },
  responses: { 200: json(ExerciseResultsSchema, 'The results'), ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

const trend = createRoute({
  method: 'get', path: '/calibration/trend', tags, security,
  summary: 'Agreement in each closed exercise of a team, oldest first (screener: their team; manager: a team they manage)',
  request: { query: TrendQuery },
  responses: { 200: json(TrendSchema, 'The trend'), ...NOT_FOUND, ...COMMON_ERRORS },
});

export function calibrationRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(addPractice, async (c) => c.json(await addPracticeContact({ ctx: verbContext(c, deps), input: c.req.valid('json') }), 201));
  app.openapi(bank, async (c) => c.json(await listPracticeBank({ ctx: verbContext(c, deps) }), 200));
  app.openapi(set, async (c) => c.json(await setExercise({ ctx: verbContext(c, deps), input: c.req.valid('json') }), 201));
  app.openapi(list, async (c) => c.json(await listExercises({ ctx: verbContext(c, deps) }), 200));
  app.openapi(read, async (c) => c.json(await readExercise({ ctx: verbContext(c, deps), id: c.req.valid('param').id }), 200));
  app.openapi(answer, async (c) => c.json(await answerExercise({ ctx: verbContext(c, deps), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(close, async (c) => c.json(await closeExercise({ ctx: verbContext(c, deps), id: c.req.valid('param').id }), 200));
  app.openapi(results, async (c) => c.json(await exerciseResults({ ctx: verbContext(c, deps), id: c.req.valid('param').id }), 200));
  app.openapi(trend, async (c) => c.json(await calibrationTrend({ ctx: verbContext(c, deps), teamId: c.req.valid('query').teamId }), 200));
  return app;
}
