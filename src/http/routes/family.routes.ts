import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { draftFamilyExplanation, listSentExplanations, sendFamilyExplanation } from '../../domain/family/family-explanation.js';
import { FamilyDraftInputSchema, FamilyDraftSchema, FamilyExplanationListSchema, FamilyExplanationSchema, FamilySendInputSchema } from '../../schemas/family.schema.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';
import { ContactIdParam } from './contacts.routes.js';

const draft = createRoute({
  method: 'post',
  path: '/contacts/{id}/family-explanation/draft',
  tags: ['Family explanation'],
  summary: 'Draft a plain-English letter to the family about the decision that stands, with its reading age (screener, manager); nothing is stored',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam, body: { required: true, content: { 'application/json': { schema: FamilyDraftInputSchema } } } },
  responses: { 200: { description: 'The draft', content: { 'application/json': { schema: FamilyDraftSchema } } }, ...NOT_FOUND, ...CONFLICT, ...INVALID, ...COMMON_ERRORS },
});

const send = createRoute({
  method: 'post',
  path: '/contacts/{id}/family-explanations',
  tags: ['Family explanation'],
  summary: 'Keep the letter as sent to the family, with the decision and in the trail (screener, manager)',
  description: 'A text that gives away the referrer (unless a professional who agreed), another adult, a partner’s answer, the referrer’s account or anything marked not for the family is refused with 422 on /text.',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam, body: { required: true, content: { 'application/json': { schema: FamilySendInputSchema } } } },
  responses: { 201: { description: 'Sent and kept', content: { 'application/json': { schema: FamilyExplanationSchema } } }, ...NOT_FOUND, ...CONFLICT, ...INVALID, ...COMMON_ERRORS },
});

const list = createRoute({
  method: 'get',
  path: '/contacts/{id}/family-explanations',
  tags: ['Family explanation'],
  summary: 'The letters sent to the family about a contact, oldest first (screener, manager, auditor)',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: { description: 'The letters', content: { 'application/json': { schema: FamilyExplanationListSchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function familyRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(draft, async (c) => c.json(await draftFamilyExplanation({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id, input: c.req.valid('json') }), 200));
  app.openapi(send, async (c) => c.json(await sendFamilyExplanation({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(list, async (c) => c.json(await listSentExplanations({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id }), 200));
  return app;
}
