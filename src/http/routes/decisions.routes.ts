import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { closeContact } from '../../domain/contacts/close-contact.js';
import { etagOf } from '../../domain/contacts/contact-view.js';
import type { Deps } from '../../domain/context.js';
import { decideContact } from '../../domain/decisions/decide-contact.js';
import { listReviewQueue } from '../../domain/reviews/list-review-queue.js';
import { reviewDecision } from '../../domain/reviews/review-decision.js';
import { DecisionInputSchema, DecisionResultSchema, ReviewInputSchema, ReviewResultSchema } from '../../schemas/decision.schema.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND, PRECONDITIONS } from '../../schemas/problem.schema.js';
import { ClosedContactSchema, ReviewQueueQuery, ReviewQueueSchema } from '../../schemas/review.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';
import { ContactIdParam } from './contacts.routes.js';

const json = <T>(schema: T, description: string) => ({
  description,
  headers: { ETag: { schema: { type: 'string' as const }, description: 'The contact’s new ETag' } },
  content: { 'application/json': { schema } },
});

const decide = createRoute({
  method: 'post',
  path: '/contacts/{id}/decision',
  tags: ['Decisions'],
  summary: 'The screener’s decision on a contact (screener)',
  description: 'Every critical and warning prompt needs a response, except guard prompts (the rule set’s list: for older rule sets household_checks, speak_to_referrer, manager_signoff_before_nfa and request_evidence), which need one only when the outcome is nfa or information_advice. A declined prompt needs a reason. Where the triage suggests a route and urgency, the decision keeps them unless route or urgency is given; a change needs routeChangeReason. A decision that departs from the triage (a declined critical prompt; nfa or information_advice on a red or amber contact or where manager sign-off before NFA was prompted; or a changed route or urgency, raised or lowered) needs overrideReason and goes to awaiting_review; the response names each departure. Otherwise the contact is decided. The triage’s suggestion is never changed: the decision keeps the route and urgency it stands on beside it.',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam, body: { required: true, content: { 'application/json': { schema: DecisionInputSchema } } } },
  responses: { 201: json(DecisionResultSchema, 'The decision as stored, with its departures and the contact’s new status'), ...INVALID, ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

const queue = createRoute({
  method: 'get',
  path: '/reviews',
  tags: ['Reviews'],
  summary: 'Decisions awaiting a manager’s review in the caller’s authority, oldest due first (manager)',
  security: [{ bearer: [] }],
  request: { query: ReviewQueueQuery },
  responses: { 200: { description: 'The queue', content: { 'application/json': { schema: ReviewQueueSchema } } }, ...COMMON_ERRORS },
});

const review = createRoute({
  method: 'post',
  path: '/contacts/{id}/review',
  tags: ['Reviews'],
  summary: 'Endorse, overturn or return a decision that departed from the triage (manager; If-Match required)',
  description: 'If-Match must carry the contact’s current ETag: missing is 428, stale is 412. A manager may not review a decision they made (403).',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam, body: { required: true, content: { 'application/json': { schema: ReviewInputSchema } } } },
  responses: { 201: json(ReviewResultSchema, 'The review as stored, with the contact’s new status'), ...INVALID, ...NOT_FOUND, ...CONFLICT, ...PRECONDITIONS, ...COMMON_ERRORS },
});

const close = createRoute({
  method: 'post',
  path: '/contacts/{id}/close',
  tags: ['Decisions'],
  summary: 'Close a decided contact (screener or manager); a closed contact accepts no decision or review',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: json(ClosedContactSchema, 'Closed'), ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

export function decisionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(decide, async (c) => {
    const result = await decideContact({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id, input: c.req.valid('json') });
    c.header('Location', `/api/v1/contacts/${result.contactId}`);
    c.header('ETag', etagOf({ id: result.contactId, version: result.contactVersion }));
    return c.json(result, 201);
  });

  app.openapi(queue, async (c) => c.json(await listReviewQueue({ ctx: verbContext(c, deps) }), 200));

  app.openapi(review, async (c) => {
    const result = await reviewDecision({
      ctx: verbContext(c, deps), contactId: c.req.valid('param').id, ifMatch: c.req.header('if-match'), input: c.req.valid('json'),
    });
    c.header('ETag', etagOf({ id: result.contactId, version: result.contactVersion }));
    return c.json(result, 201);
  });

  app.openapi(close, async (c) => {
    const result = await closeContact({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id });
    c.header('ETag', etagOf(result));
    return c.json(result, 200);
  });

  return app;
}
