import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { summariseScreeningOutcomes } from '../../domain/outcomes/summarise-screening-outcomes.js';
import { OversightQuery } from '../../schemas/oversight.schema.js';
import { COMMON_ERRORS } from '../../schemas/problem.schema.js';
import { ScreeningOutcomesSchema } from '../../schemas/screening-outcomes.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const outcomes = createRoute({
  method: 'get',
  path: '/screening-outcomes',
  tags: ['Oversight'],
  summary: 'What became of contacts closed with no further action or advice in a period (manager, auditor)',
  description: 'Covers contacts closed in the period (local dates, inclusive) whose outcome was nfa or information_advice: the share followed by another contact about the same child (person id or NHS number) within 6 and 12 months of the outcome standing, overall and by rule fired, declined prompt, screener and team, beside the national re-referral rate from the authority’s settings; and for each declined prompt whether the override was borne out. A contact enters a window’s figures only once that window has passed. Any cell under 5 is marked smallNumber, never hidden. Practice contacts are never counted.',
  security: [{ bearer: [] }],
  request: { query: OversightQuery },
  responses: { 200: { description: 'The outcomes', content: { 'application/json': { schema: ScreeningOutcomesSchema } } }, ...COMMON_ERRORS },
});

export function screeningOutcomeRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(outcomes, async (c) => c.json(await summariseScreeningOutcomes({ ctx: verbContext(c, deps), query: c.req.valid('query') }), 200));
  return app;
}
