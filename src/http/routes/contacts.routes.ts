import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { etagOf } from '../../domain/contacts/contact-view.js';
import { readContact } from '../../domain/contacts/read-contact.js';
import { recordContact } from '../../domain/contacts/record-contact.js';
import type { Deps } from '../../domain/context.js';
import { ContactInputSchema } from '../../schemas/contact.schema.js';
import { ContactWithDecisionsSchema } from '../../schemas/decision.schema.js';
import { COMMON_ERRORS, INVALID, NOT_FOUND } from '../../schemas/problem.schema.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../validation.js';
import { verbContext } from '../verb-context.js';

export const ContactIdParam = z.object({
  id: z.string().regex(/^con_[0-9a-z]{26}$/, 'is not a contact id').openapi({ param: { name: 'id', in: 'path' }, example: 'con_01jd8x…' }),
});

const contactResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: 'string' as const }, description: 'Send as If-Match when reviewing' } },
  content: { 'application/json': { schema: ContactWithDecisionsSchema } },
});

const record = createRoute({
  method: 'post',
  path: '/contacts',
  tags: ['Contacts'],
  summary: 'Record a contact and triage it (screener)',
  description: 'Validates the contact, derives facts, evaluates every rule and stores the contact, its triage and audit entries in one transaction.',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: ContactInputSchema } } } },
  responses: { 201: contactResponse('Recorded and triaged'), ...INVALID, ...COMMON_ERRORS },
});

const read = createRoute({
  method: 'get',
  path: '/contacts/{id}',
  tags: ['Contacts'],
  summary: 'Read a contact with its triage (screener, manager, auditor); the read is recorded in the trail',
  security: [{ bearer: [] }],
  request: { params: ContactIdParam },
  responses: { 200: contactResponse('The contact as stored'), ...NOT_FOUND, ...COMMON_ERRORS },
});

export function contactRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(record, async (c) => {
    const view = await recordContact({ ctx: verbContext(c, deps), input: c.req.valid('json') });
    c.header('Location', `/api/v1/contacts/${view.id}`);
    c.header('ETag', etagOf(view));
    return c.json(view, 201);
  });

  app.openapi(read, async (c) => {
    const view = await readContact({ ctx: verbContext(c, deps), contactId: c.req.valid('param').id });
    c.header('ETag', etagOf(view));
    return c.json(view, 200);
  });

  return app;
}
