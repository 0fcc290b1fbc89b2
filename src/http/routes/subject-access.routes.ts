import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { subjectAccessExport } from '../../domain/subject-access/subject-access-export.js';
import { COMMON_ERRORS, NOT_FOUND } from '../../schemas/problem.schema.js';
import { PersonIdParam, SubjectAccessSchema } from '../../schemas/subject-access.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const exportRoute = createRoute({
  method: 'get',
  path: '/subject-access/{personId}',
  tags: ['Subject access'],
  summary: 'Everything held about a person across the authority’s contacts, third parties and the referrer redacted, each redaction listed (manager, auditor)',
  description: 'Producing one is recorded in the audit log (subject_access.produced) and as a read on each contact’s trail. The printable version is the page /subject-access/{personId}.',
  security: [{ bearer: [] }],
  request: { params: PersonIdParam },
  responses: { 200: { description: 'The export', content: { 'application/json': { schema: SubjectAccessSchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function subjectAccessRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(exportRoute, async (c) => c.json(await subjectAccessExport({ ctx: verbContext(c, deps), personId: c.req.valid('param').personId }), 200));
  return app;
}
