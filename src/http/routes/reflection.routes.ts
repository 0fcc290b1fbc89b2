import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { reflectOnScreening } from '../../domain/reflection/reflect-on-screening.js';
import { COMMON_ERRORS, NOT_FOUND } from '../../schemas/problem.schema.js';
import { ReflectionQuerySchema, ReflectionSchema, ScreenerParam } from '../../schemas/reflection.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const reflection = createRoute({
  method: 'get',
  path: '/screeners/{sub}/reflection',
  tags: ['Calibration'],
  summary: 'A screener’s own figures beside their team’s: decisions and verdicts, second screens, no-action outcomes, calibration over time (the screener themselves; a manager of their team)',
  description: 'For reflection and supervision, not a league table: every comparison is with the team as a whole. Anyone else is answered 404.',
  security: [{ bearer: [] }],
  request: { params: ScreenerParam, query: ReflectionQuerySchema },
  responses: { 200: { description: 'The figures', content: { 'application/json': { schema: ReflectionSchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function reflectionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(reflection, async (c) => c.json(await reflectOnScreening({ ctx: verbContext(c, deps), sub: c.req.valid('param').sub, query: c.req.valid('query') }), 200));
  return app;
}
