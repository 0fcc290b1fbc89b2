import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { proveConsistency, proveInclusion, readCheckpoint } from '../../domain/audit/prove.js';
import {
  CheckpointSchema, ConsistencyProofSchema, ConsistencyQuerySchema, InclusionProofSchema, InclusionQuerySchema,
} from '../../schemas/audit.schema.js';
import { COMMON_ERRORS, NOT_FOUND } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const checkpoint = createRoute({
  method: 'get',
  path: '/audit/checkpoint',
  tags: ['Audit'],
  summary: 'The latest signed checkpoint of the caller’s authority’s audit log (manager, auditor)',
  description: 'A C2SP signed note over the tree size and RFC 9162 root hash, signed with Ed25519 about a second after entries arrive; the verifier key is included.',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'The checkpoint', content: json(CheckpointSchema) }, ...NOT_FOUND, ...COMMON_ERRORS },
});

const inclusion = createRoute({
  method: 'get',
  path: '/audit/proofs/inclusion',
  tags: ['Audit'],
  summary: 'Proof that an audit entry is in the log at a tree size (manager, auditor)',
  security: [{ bearer: [] }],
  request: { query: InclusionQuerySchema },
  responses: { 200: { description: 'The inclusion proof', content: json(InclusionProofSchema) }, ...NOT_FOUND, ...COMMON_ERRORS },
});

const consistency = createRoute({
  method: 'get',
  path: '/audit/proofs/consistency',
  tags: ['Audit'],
  summary: 'Proof that the log at one size extends the log at an earlier size (manager, auditor)',
  security: [{ bearer: [] }],
  request: { query: ConsistencyQuerySchema },
  responses: { 200: { description: 'The consistency proof', content: json(ConsistencyProofSchema) }, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function auditLogRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(checkpoint, async (c) => c.json(await readCheckpoint({ ctx: verbContext(c, deps) }), 200));
  app.openapi(inclusion, async (c) => {
    const { entry, size } = c.req.valid('query');
    return c.json(await proveInclusion({ ctx: verbContext(c, deps), entryId: entry, size }), 200);
  });
  app.openapi(consistency, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await proveConsistency({ ctx: verbContext(c, deps), from, to }), 200);
  });
  return app;
}
