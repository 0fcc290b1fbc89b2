import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { listReferrerFeedback } from '../../domain/feedback/list-referrer-feedback.js';
import { markFeedbackSent } from '../../domain/feedback/mark-feedback-sent.js';
import { FeedbackListSchema, FeedbackSentInputSchema, FeedbackViewSchema } from '../../schemas/feedback.schema.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const FeedbackIdParam = z.object({
  id: z.string().regex(/^fbk_[0-9a-z]{26}$/, 'is not a feedback id').openapi({ param: { name: 'id', in: 'path' }, example: 'fbk_01jd8x…' }),
});

const FeedbackQuery = z.object({
  status: z.enum(['unsent', 'sent', 'all']).default('unsent').openapi({ description: 'all includes feedback replaced by a later decision' }),
  contactId: z.string().regex(/^con_[0-9a-z]{26}$/, 'is not a contact id').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const list = createRoute({
  method: 'get',
  path: '/referrer-feedback',
  tags: ['Referrer feedback'],
  summary: 'What referrers are to be told of the decisions on their referrals, oldest first (screener, manager)',
  security: [{ bearer: [] }],
  request: { query: FeedbackQuery },
  responses: { 200: { description: 'The feedback', content: { 'application/json': { schema: FeedbackListSchema } } }, ...COMMON_ERRORS },
});

const sent = createRoute({
  method: 'post',
  path: '/referrer-feedback/{id}/sent',
  tags: ['Referrer feedback'],
  summary: 'Record that the referrer was told: how, when and by whom (screener)',
  security: [{ bearer: [] }],
  request: { params: FeedbackIdParam, body: { required: true, content: { 'application/json': { schema: FeedbackSentInputSchema } } } },
  responses: {
    200: { description: 'Recorded as sent', content: { 'application/json': { schema: FeedbackViewSchema } } },
    ...NOT_FOUND, ...CONFLICT, ...INVALID, ...COMMON_ERRORS,
  },
});

/** Telling referrers what happened (issue 8). */
export function referrerFeedbackRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(list, async (c) => {
    const result = await listReferrerFeedback({ ctx: verbContext(c, deps), filter: c.req.valid('query') });
    return c.json(result, 200);
  });

  app.openapi(sent, async (c) => {
    const view = await markFeedbackSent({ ctx: verbContext(c, deps), feedbackId: c.req.valid('param').id, input: c.req.valid('json') });
    return c.json(view, 200);
  });

  return app;
}
