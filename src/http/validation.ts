import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { problem, zodFieldErrors } from './problem.js';
import { countOf, plural } from '../lib/plural.js';

/** The zod validation hook for every route: a problem naming each bad field, nothing stored. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const target = (result as { target?: string }).target;
  const errors = zodFieldErrors(result.error);
  if (target === 'json') {
    return problem(c, 422, 'validation', 'The request is not valid', `${countOf(errors.length, 'field')} ${plural(errors.length, 'needs', 'need')} correcting`, errors);
  }
  return problem(c, 400, 'invalid-parameters', 'Invalid parameters', `The ${target ?? 'request'} parameters are not valid`, errors);
};
