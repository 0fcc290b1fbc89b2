import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { listChecks } from '../../domain/checks/list-checks.js';
import { recordCheckResponse } from '../../domain/checks/record-check-response.js';
import { CheckListSchema, CheckResponseInputSchema, CheckResponseResultSchema } from '../../schemas/check.schema.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const CheckIdParam = z.object({
  id: z.string().regex(/^chk_[0-9a-z]{26}$/, 'is not a check id').openapi({ param: { name: 'id', in: 'path' }, example: 'chk_01jd8x…' }),
});

const CheckQuery = z.object({
  status: z.enum(['outstanding', 'overdue', 'responded', 'all']).default('outstanding')
    .openapi({ description: 'outstanding: not yet answered; overdue: outstanding and past its due time' }),
  contactId: z.string().regex(/^con_[0-9a-z]{26}$/, 'is not a contact id').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const list = createRoute({
  method: 'get',
  path: '/checks',
  tags: ['Checks'],
  summary: 'Multi-agency checks of the caller’s authority, soonest due first (screener, manager)',
  security: [{ bearer: [] }],
  request: { query: CheckQuery },
  responses: { 200: { description: 'The checks', content: { 'application/json': { schema: CheckListSchema } } }, ...COMMON_ERRORS },
});

const respond = createRoute({
  method: 'post',
  path: '/checks/{id}/response',
  tags: ['Checks'],
  summary: 'Record a partner’s answer to a check (screener by hand, or the partner’s system with an admin token)',
  description: 'Stores the answer with who gave it and when. Findings that add to the picture (a current plan, a violent adult, an earlier injury) triage the contact again; the new triage is appended and the response says what changed.',
  security: [{ bearer: [] }],
  request: { params: CheckIdParam, body: { required: true, content: { 'application/json': { schema: CheckResponseInputSchema } } } },
  responses: {
    200: { description: 'Answer recorded', content: { 'application/json': { schema: CheckResponseResultSchema } } },
    ...NOT_FOUND, ...CONFLICT, ...INVALID, ...COMMON_ERRORS,
  },
});

export function checkRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(list, async (c) => {
    const result = await listChecks({ ctx: verbContext(c, deps), filter: c.req.valid('query') });
    return c.json(result, 200);
  });

  app.openapi(respond, async (c) => {
    const result = await recordCheckResponse({ ctx: verbContext(c, deps), checkId: c.req.valid('param').id, input: c.req.valid('json') });
    return c.json(result, 200);
  });

  return app;
}
