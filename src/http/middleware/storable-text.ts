import type { MiddlewareHandler } from 'hono';
import { ValidationFailed, type FieldError } from '../../domain/errors.js';
import { isStorableText, unstorableFields } from '../../lib/storable.js';
import type { AppEnv } from '../env.js';
import { pointer } from '../problem.js';
import { countOf } from '../../lib/plural.js';

/**
 * PostgreSQL cannot hold NUL or an unpaired surrogate in text or jsonb: such a
 * body would pass validation and fail at the insert with a 500, and a body
 * nested thousands deep would overflow the stack of whatever walks it. Refused
 * here, for every JSON body and query string under the API, with the fields named.
 */
export function storableText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found: FieldError[] = [];
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (!isStorableText(name) || values.some((v) => !isStorableText(v) || /[\r\n]/.test(v))) {
        found.push({ path: pointer(['query', name]), message: 'contains a control character (NUL, CR or LF) or an unpaired surrogate' });
      }
    }
    if (/json/i.test(c.req.header('content-type') ?? '')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        body = undefined; // malformed JSON: the route's validator answers 400
      }
      found.push(...unstorableFields(body).map((f) => ({ path: pointer(f.path), message: f.message })));
    }
    if (found.length > 0) throw new ValidationFailed(`${countOf(found.length, 'field')} cannot be stored`, found);
    return next();
  };
}
