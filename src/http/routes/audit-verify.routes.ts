import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { verifyAudit } from '../../domain/audit/verify-audit.js';
import type { Deps } from '../../domain/context.js';
import { ChainReportSchema } from '../../schemas/audit.schema.js';
import { COMMON_ERRORS } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const verify = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags: ['Audit'],
  summary: 'Verify the caller’s authority’s audit hash chain (auditor); the check is itself recorded',
  description: 'Recomputes every entry’s hash and link in chain order and compares the end with the recorded head. Reports the first broken link: altered, removed, reordered or forged entries all break it.',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'The chain report (ok is false when a link is broken)', content: { 'application/json': { schema: ChainReportSchema } } }, ...COMMON_ERRORS },
});

export function auditVerifyRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(verify, async (c) => c.json(await verifyAudit({ ctx: verbContext(c, deps) }), 200));
  return app;
}
