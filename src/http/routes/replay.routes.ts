import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { listNearMisses } from '../../domain/contacts/near-misses.js';
import { replayContact } from '../../domain/contacts/replay-contact.js';
import { COMMON_ERRORS, CONFLICT, NOT_FOUND } from '../../schemas/problem.schema.js';
import { NearMissesSchema, ReplaySchema } from '../../schemas/replay.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';
import { ContactIdParam } from './contacts.routes.js';

const replay = createRoute({
  method: 'get',
  path: '/contacts/{id}/replay',
  tags: ['Audit'],
  summary: 'Replay a contact’s triages with the rule sets they were made with (auditor); the replay is recorded',
  description: 'Loads each stored triage and its rule set by hash (refusing a rule set whose content no longer matches its hash), re-evaluates the stored facts, and compares priority, score, prompts and every rule’s result.',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: { description: 'The replay: identical, or the differences', content: { 'application/json': { schema: ReplaySchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

const nearMissesRoute = createRoute({
  method: 'get',
  path: '/contacts/{id}/near-misses',
  tags: ['Audit'],
  summary: 'What would have changed this triage (manager, auditor): each rule that did not fire and the conditions it failed',
  description: 'From the stored results of the latest triage: for each rule not fired, the fact, the value seen and what the rule needed. Rules that raise critical prompts come first. The read is recorded in the trail.',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: { description: 'The near misses', content: { 'application/json': { schema: NearMissesSchema } } }, ...NOT_FOUND, ...CONFLICT, ...COMMON_ERRORS },
});

export function replayRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(replay, async (c) => c.json(await replayContact({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id }), 200));
  app.openapi(nearMissesRoute, async (c) => c.json(await listNearMisses({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id }), 200));
  return app;
}
