import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { endSessions, requireSessions } from '../../domain/sessions/end-sessions.js';
import { COMMON_ERRORS, NOT_FOUND } from '../../schemas/problem.schema.js';
import { EndedSessionsSchema, SessionListSchema, UserSessionParams, UserSessionsParams } from '../../schemas/session.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const ended = { description: 'How many sessions ended', content: { 'application/json': { schema: EndedSessionsSchema } } };

const list = createRoute({
  method: 'get',
  path: '/users/{sub}/sessions',
  tags: ['Sessions'],
  summary: 'A user’s signed-in browser sessions in the caller’s authority (admin)',
  description: 'A user with no session in the caller’s authority is 404, as another authority’s user is.',
  security: [{ bearer: [] }],
  request: { params: UserSessionsParams },
  responses: { 200: { description: 'The sessions, oldest first', content: { 'application/json': { schema: SessionListSchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

const endAll = createRoute({
  method: 'delete',
  path: '/users/{sub}/sessions',
  tags: ['Sessions'],
  summary: 'End all of a user’s browser sessions in the caller’s authority (admin); recorded in the audit log',
  description: 'Each ended session’s cookie is refused on its next request, on every instance. A user with no session in the caller’s authority is 404.',
  security: [{ bearer: [] }],
  request: { params: UserSessionsParams },
  responses: { 200: ended, ...NOT_FOUND, ...COMMON_ERRORS },
});

const endOne = createRoute({
  method: 'delete',
  path: '/users/{sub}/sessions/{id}',
  tags: ['Sessions'],
  summary: 'End one of a user’s browser sessions (admin); recorded in the audit log',
  security: [{ bearer: [] }],
  request: { params: UserSessionParams },
  responses: { 200: ended, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function sessionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(list, async (c) => c.json({ sessions: await requireSessions({ ctx: verbContext(c, deps), sub: c.req.valid('param').sub }) }, 200));
  app.openapi(endAll, async (c) => c.json(await endSessions({ ctx: verbContext(c, deps), sub: c.req.valid('param').sub }), 200));
  app.openapi(endOne, async (c) => {
    const { sub, id } = c.req.valid('param');
    return c.json(await endSessions({ ctx: verbContext(c, deps), sub, id }), 200);
  });
  return app;
}
