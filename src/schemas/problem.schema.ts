import { z } from '@hono/zod-openapi';

export const ProblemSchema = z.object({
  type: z.string().openapi({ example: 'urn:mash-triage:problem:validation' }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  errors: z.array(z.object({ path: z.string().openapi({ example: '/children/0/dateOfBirth' }), message: z.string() })).optional(),
}).openapi('Problem');

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const COMMON_ERRORS = {
  400: problem('Malformed request (for example, the body is not JSON)'),
  401: problem('No token, or the token is not valid'),
  403: problem('The caller’s role may not do this'),
  413: problem('The request body is too large'),
  429: problem('Too many requests; retry after the time given'),
  500: problem('An unexpected fault; nothing was stored'),
  503: problem('The database is unavailable; retry after the time given'),
} as const;

export const NOT_FOUND = { 404: problem('No such record in the caller’s authority') } as const;
export const INVALID = { 422: problem('The request is not valid; `errors` names each field') } as const;
export const CONFLICT = { 409: problem('The record’s state does not allow this') } as const;
export const PRECONDITIONS = {
  412: problem('The record changed since the ETag given in If-Match'),
  428: problem('If-Match is required'),
} as const;
