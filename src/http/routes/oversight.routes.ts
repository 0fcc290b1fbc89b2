import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { summariseOversight } from '../../domain/oversight/summarise-oversight.js';
import { OversightQuery, OversightSummarySchema } from '../../schemas/oversight.schema.js';
import { COMMON_ERRORS } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const summary = createRoute({
  method: 'get',
  path: '/oversight/summary',
  tags: ['Oversight'],
  summary: 'The authority’s oversight figures for a period (manager, auditor)',
  description: 'Contact figures cover contacts received in the period; screener and rule figures cover decisions made in it; manager figures cover reviews made in it. Working days use the authority’s calendar. Any cell whose count or denominator is under 5 is marked smallNumber, not hidden. Re-contact looks 365 days past each NFA, so recent periods are not yet complete.',
  security: [{ bearer: [] }],
  request: { query: OversightQuery },
  responses: { 200: { description: 'The summary', content: { 'application/json': { schema: OversightSummarySchema } } }, ...COMMON_ERRORS },
});

export function oversightRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(summary, async (c) => c.json(await summariseOversight({ ctx: verbContext(c, deps), query: c.req.valid('query') }), 200));
  return app;
}
