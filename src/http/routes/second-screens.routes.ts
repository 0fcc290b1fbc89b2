import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { drawSecondScreens } from '../../domain/second-screens/draw-second-screens.js';
import { listSecondScreens } from '../../domain/second-screens/list-second-screens.js';
import { readSecondScreen } from '../../domain/second-screens/read-second-screen.js';
import { recordSecondScreen } from '../../domain/second-screens/record-second-screen.js';
import { settleSecondScreen } from '../../domain/second-screens/settle-second-screen.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import {
  DrawResultSchema, SecondScreenIdParam, SecondScreenInputSchema, SecondScreenListSchema, SecondScreenQuery, SecondScreenReadSchema,
  SecondScreenSchema, SettlementInputSchema,
} from '../../schemas/second-screen.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const draw = createRoute({
  method: 'post',
  path: '/second-screens/draws',
  tags: ['Second screens'],
  summary: 'Draw decided contacts for a blind second screen (manager, or admin for a scheduler)',
  description: 'Considers each decision that has stood since the last draw, once: whether it is drawn depends only on the authority’s secondScreening settings (seed, shares, the infant repeat-contact rule) and the contact’s id, so running the draw again, or by someone else, changes nothing. Each selection is in the contact’s trail with its draw value and the settings hash.',
  security: [{ bearer: [] }],
  responses: { 201: json(DrawResultSchema, 'The draw'), ...COMMON_ERRORS },
});

const list = createRoute({
  method: 'get',
  path: '/second-screens',
  tags: ['Second screens'],
  summary: 'Second screens (screener: those they may take, blind; manager: all, whole)',
  description: 'A screener is shown only second screens waiting to be taken that they may take (not on their own decision, not on a contact they have worked on), and nothing of the first decision or of why the contact was drawn.',
  security: [{ bearer: [] }],
  request: { query: SecondScreenQuery },
  responses: { 200: json(SecondScreenListSchema, 'The second screens'), ...COMMON_ERRORS },
});

const read = createRoute({
  method: 'get',
  path: '/second-screens/{id}',
  tags: ['Second screens'],
  summary: 'A second screen (screener who may take it: the contact and triage, blind; manager: whole)',
  description: 'The read by a screener taking the screen is recorded in the trail as blind. To a screener who may not take it, and whose screen it was not, it is not found.',
  security: [{ bearer: [] }],
  request: { params: SecondScreenIdParam },
  responses: { 200: json(SecondScreenReadSchema, 'The second screen'), ...NOT_FOUND, ...COMMON_ERRORS },
});

const screen = createRoute({
  method: 'post',
  path: '/second-screens/{id}/screen',
  tags: ['Second screens'],
  summary: 'Record a blind second screen: outcome, route, urgency and reasons (screener)',
  description: 'Refused (403) to the screener who decided and to anyone who has worked on the contact; 409 once taken. Agreement is with the outcome that stood; a disagreement goes to a manager (awaiting_settlement). The answer shows the first decision.',
  security: [{ bearer: [] }],
  request: { params: SecondScreenIdParam, body: { required: true, content: { 'application/json': { schema: SecondScreenInputSchema } } } },
  responses: { 201: json(SecondScreenSchema, 'The second screen, with the first decision beside it'), ...INVALID, ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

const settle = createRoute({
  method: 'post',
  path: '/second-screens/{id}/settlement',
  tags: ['Second screens'],
  summary: 'Settle a disagreement between first and second screens, with reasons (manager)',
  description: 'The first or second screener’s outcome stands, or neither (give the outcome). When the outcome that should stand is not the one that stood and the contact is decided, the contact is reopened for a new decision, due at once; a closed contact is not (reopened: false).',
  security: [{ bearer: [] }],
  request: { params: SecondScreenIdParam, body: { required: true, content: { 'application/json': { schema: SettlementInputSchema } } } },
  responses: { 201: json(SecondScreenSchema, 'The settled second screen'), ...INVALID, ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

export function secondScreenRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(draw, async (c) => c.json(await drawSecondScreens({ ctx: verbContext(c, deps) }), 201));
  app.openapi(list, async (c) => {
    const { status, limit } = c.req.valid('query');
    return c.json(await listSecondScreens({ ctx: verbContext(c, deps), status, limit }), 200);
  });
  app.openapi(read, async (c) => c.json(await readSecondScreen({ ctx: verbContext(c, deps), id: c.req.valid('param').id }), 200));
  app.openapi(screen, async (c) => c.json(await recordSecondScreen({ ctx: verbContext(c, deps), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(settle, async (c) => c.json(await settleSecondScreen({ ctx: verbContext(c, deps), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  return app;
}
