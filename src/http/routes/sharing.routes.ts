import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../domain/context.js';
import { listSharing } from '../../domain/sharing/list-sharing.js';
import { recordCheckSharing } from '../../domain/sharing/record-check-sharing.js';
import { recordDisclosure } from '../../domain/sharing/record-disclosure.js';
import { CheckViewSchema } from '../../schemas/check.schema.js';
import { COMMON_ERRORS, CONFLICT, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import { DisclosureInputSchema, SharingBasisSchema, SharingListSchema, SharingViewSchema } from '../../schemas/sharing.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';
import { ContactIdParam } from './contacts.routes.js';

const CheckIdParam = z.object({
  id: z.string().regex(/^chk_[0-9a-z]{26}$/, 'is not a check id').openapi({ param: { name: 'id', in: 'path' }, example: 'chk_01jd8x…' }),
});

const basis = createRoute({
  method: 'post',
  path: '/checks/{id}/sharing',
  tags: ['Information sharing'],
  summary: 'Record the lawful basis and consent position for a check, releasing it to be sent (screener, manager)',
  description: 'A check is created awaiting_basis and nothing goes to the partner until this is recorded. Categories follow the DfE information-sharing advice for safeguarding practitioners (2024).',
  security: [{ bearer: [] }],
  request: { params: CheckIdParam, body: { required: true, content: { 'application/json': { schema: SharingBasisSchema } } } },
  responses: {
    200: { description: 'Basis recorded; the check is awaiting_dispatch or send_by_hand', content: { 'application/json': { schema: CheckViewSchema } } },
    ...NOT_FOUND, ...CONFLICT, ...INVALID, ...COMMON_ERRORS,
  },
});

const disclose = createRoute({
  method: 'post',
  path: '/contacts/{id}/disclosures',
  tags: ['Information sharing'],
  summary: 'Record information given to a partner about a contact, with its lawful basis and consent position (screener, manager)',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam, body: { required: true, content: { 'application/json': { schema: DisclosureInputSchema } } } },
  responses: {
    201: { description: 'Disclosure recorded', content: { 'application/json': { schema: SharingViewSchema } } },
    ...NOT_FOUND, ...INVALID, ...COMMON_ERRORS,
  },
});

const ledger = createRoute({
  method: 'get',
  path: '/contacts/{id}/sharing',
  tags: ['Information sharing'],
  summary: 'The information-sharing ledger of a contact: every check and disclosure with its basis (screener, manager, auditor)',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: { description: 'The ledger, oldest first', content: { 'application/json': { schema: SharingListSchema } } }, ...NOT_FOUND, ...COMMON_ERRORS },
});

export function sharingRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(basis, async (c) => {
    const check = await recordCheckSharing({ ctx: verbContext(c, deps), checkId: c.req.valid('param').id, input: c.req.valid('json') });
    return c.json(check, 200);
  });
  app.openapi(disclose, async (c) => {
    const record = await recordDisclosure({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id, input: c.req.valid('json') });
    return c.json(record, 201);
  });
  app.openapi(ledger, async (c) => {
    const result = await listSharing({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id });
    return c.json(result, 200);
  });
  return app;
}
