import type { MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '../../auth/tokens.js';
import { Unauthenticated } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';

/** Every /api/v1 route needs a valid bearer token; its claims become the actor. */
export function requireToken(verifier: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header)?.[1];
    if (!token) throw new Unauthenticated('Send a bearer token: Authorization: Bearer <JWT>');
    try {
      c.set('actor', await verifier.verify(token));
    } catch (error) {
      c.get('logger')?.info({ reason: (error as Error).message }, 'token refused');
      throw new Unauthenticated('The bearer token is not valid (expired, wrongly signed, or missing claims)');
    }
    await next();
  };
}
