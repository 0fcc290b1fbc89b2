import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { describeRules } from '../../domain/rules/describe-rules.js';
import { COMMON_ERRORS } from '../../schemas/problem.schema.js';
import { RuleSetSchema } from '../../schemas/triage.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const active = createRoute({
  method: 'get',
  path: '/rules',
  tags: ['Rules'],
  summary: 'The active rule set: version, hash, each rule’s summary, prompts and sources, and the settings in force',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'The active rule set', content: { 'application/json': { schema: RuleSetSchema } } }, ...COMMON_ERRORS },
});

export function ruleRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(active, (c) => c.json(describeRules({ ctx: verbContext(c, deps) }) as never, 200));
  return app;
}
