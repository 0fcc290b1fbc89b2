import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { readTrail } from '../../domain/audit/read-trail.js';
import type { Deps } from '../../domain/context.js';
import { COMMON_ERRORS, NOT_FOUND } from '../../schemas/problem.schema.js';
import { TrailSchema } from '../../schemas/review.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';
import { ContactIdParam } from './contacts.routes.js';

const trail = createRoute({
  method: 'get',
  path: '/contacts/{id}/trail',
  tags: ['Audit'],
  summary: 'Every audit event of a contact in order, with actor, role, time and status change (manager, auditor)',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: { description: 'The trail', content: { 'application/json': { schema: TrailSchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function trailRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(trail, async (c) => c.json(await readTrail({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id }), 200));
  return app;
}
