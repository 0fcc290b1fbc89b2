import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { describeRules } from '../../domain/rules/describe-rules.js';
import { ruleDoc } from '../../domain/rules/rule-doc.js';
import { replayCandidate } from '../../domain/rules/replay-candidate.js';
import { COMMON_ERRORS, INVALID } from '../../schemas/problem.schema.js';
import { RuleReplayInputSchema, RuleReplayReportSchema } from '../../schemas/rule-replay.schema.js';
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

const doc = createRoute({
  method: 'get',
  path: '/rules/doc',
  tags: ['Rules'],
  summary: 'The transparency record of the active rule set, in Markdown (any role)',
  description: 'Generated from the rule files: for each rule, in plain English, when it applies, what it prompts, why and its sources; the settings in force for the caller’s authority; the rule set’s version, hash and date.',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'Markdown', content: { 'text/markdown': { schema: z.string() } } }, ...COMMON_ERRORS },
});

const replay = createRoute({
  method: 'post',
  path: '/rules/replays',
  tags: ['Rules'],
  summary: 'What a candidate rule pack would have shown on past contacts (admin)',
  description: 'Re-evaluates the stored facts of the authority’s past contacts with the candidate pack and reports the priority matrix, prompts gained and lost, and every contact that would lose a critical prompt: the list a practice lead reads before approving a change.',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: RuleReplayInputSchema } } } },
  responses: { 200: { description: 'The report', content: { 'application/json': { schema: RuleReplayReportSchema } } }, ...INVALID, ...COMMON_ERRORS },
});

export function ruleRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(active, (c) => c.json(describeRules({ ctx: verbContext(c, deps) }), 200));
  app.openapi(doc, async (c) => c.body(await ruleDoc({ ctx: verbContext(c, deps) }), 200, { 'content-type': 'text/markdown; charset=utf-8' }));
  app.openapi(replay, async (c) => c.json(await replayCandidate({ ctx: verbContext(c, deps), input: c.req.valid('json') }), 200));
  return app;
}
