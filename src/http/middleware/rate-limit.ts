import type { MiddlewareHandler } from 'hono';
import { TooManyRequests } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { RateLimiter } from '../rate-store.js';

export interface RateLimitSettings {
  /** Requests a user may make per minute, counted across every instance. */
  perMinute: number;
}

/**
 * Requests per user (sub + authority) per minute, held in the database so
 * that three instances behind a load balancer allow what one would: it
 * protects the service from one runaway client; it is not a quota.
 */
export function rateLimit(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { sub, la } = c.get('actor');
    const wait = await limiter.consume(`${la} ${sub}`);
    if (wait !== null) throw new TooManyRequests(wait);
    return next();
  };
}
