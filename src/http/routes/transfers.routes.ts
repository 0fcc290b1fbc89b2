import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { acknowledgeTransfer } from '../../domain/transfers/acknowledge-transfer.js';
import { listTransfers } from '../../domain/transfers/list-transfers.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import { TransferAcknowledgementInputSchema, TransferListSchema, TransferViewSchema } from '../../schemas/transfer.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

const TransferIdParam = z.object({
  id: z.string().regex(/^trf_[0-9a-z]{26}$/, 'is not a transfer id').openapi({ param: { name: 'id', in: 'path' }, example: 'trf_01jd8x…' }),
});

const TransferQuery = z.object({
  status: z.enum(['overdue', 'awaiting_acknowledgement', 'acknowledged', 'all']).default('awaiting_acknowledgement')
    .openapi({ description: 'overdue: not acknowledged by its due time (24 hours for CP by the regional protocol; configurable)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const list = createRoute({
  method: 'get',
  path: '/transfers',
  tags: ['Transfers'],
  summary: 'Moves into the caller’s authority with a CP or CiN plan elsewhere (manager, screener)',
  security: [{ bearer: [] }],
  request: { query: TransferQuery },
  responses: { 200: { description: 'The transfers', content: { 'application/json': { schema: TransferListSchema } } }, ...COMMON_ERRORS },
});

const acknowledge = createRoute({
  method: 'post',
  path: '/transfers/{id}/acknowledgement',
  tags: ['Transfers'],
  summary: 'The previous authority acknowledges the move (its admin or screener token), or the receiving authority records it by hand',
  security: [{ bearer: [] }],
  request: { params: TransferIdParam, body: { required: true, content: { 'application/json': { schema: TransferAcknowledgementInputSchema } } } },
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: TransferViewSchema } } },
    ...NOT_FOUND, ...CONFLICT, ...INVALID, ...COMMON_ERRORS,
  },
});

export function transferRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(list, async (c) => {
    const result = await listTransfers({ ctx: verbContext(c, deps), filter: c.req.valid('query') });
    return c.json(result, 200);
  });

  app.openapi(acknowledge, async (c) => {
    const view = await acknowledgeTransfer({ ctx: verbContext(c, deps), transferId: c.req.valid('param').id, input: c.req.valid('json') });
    return c.json(view, 200);
  });

  return app;
}
