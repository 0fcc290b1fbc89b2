import type { MiddlewareHandler } from 'hono';
import { ValidationFailed, type FieldError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { pointer } from '../problem.js';

// With the u flag a paired surrogate is one code point, so only an unpaired one matches.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character PostgreSQL cannot store, so it is what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;

function unstorable(value: unknown, path: (string | number)[], found: FieldError[]): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push({ path: pointer(path), message: 'contains a character that cannot be stored (NUL or an unpaired surrogate)' });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) unstorable(item, [...path, i], found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) found.push({ path: pointer(path), message: 'has a field name with a character that cannot be stored' });
      else unstorable(item, [...path, key], found);
    }
  }
}

/**
 * PostgreSQL cannot hold NUL or an unpaired surrogate in text or jsonb: such a
 * body would pass validation and fail at the insert with a 500. Refused here,
 * for every JSON body under the API, with the fields named.
 */
export function storableText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!/json/i.test(c.req.header('content-type') ?? '')) return next();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return next(); // malformed JSON: the route's validator answers 400
    }
    const found: FieldError[] = [];
    unstorable(body, [], found);
    if (found.length > 0) throw new ValidationFailed(`${found.length} field${found.length === 1 ? '' : 's'} cannot be stored`, found);
    return next();
  };
}
