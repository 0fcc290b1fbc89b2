import type { MiddlewareHandler } from 'hono';
import { TooManyRequests } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';

export interface RateLimitSettings {
  /** Requests a user may make per minute, and may also send in one burst. */
  perMinute: number;
}

interface Bucket { tokens: number; at: number }

const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per user (sub + la), in this process's memory: it protects
 * the service from one runaway client; it is not a quota. Time is the
 * process's monotonic clock, not the domain clock, so a fixed test clock
 * cannot freeze the refill.
 */
export function rateLimit(settings: RateLimitSettings, nowMs: () => number = () => performance.now()): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();
  const capacity = settings.perMinute;
  const refillPerMs = settings.perMinute / 60_000;
  const refill = (bucket: Bucket, now: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
  };
  return async (c, next) => {
    const { sub, la } = c.get('actor');
    const key = `${la} ${sub}`;
    const now = nowMs();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
    refill(bucket, now);
    buckets.set(key, bucket);
    if (bucket.tokens < 1) throw new TooManyRequests(Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)));
    bucket.tokens -= 1;
    if (buckets.size > PRUNE_ABOVE) {
      for (const [k, b] of buckets) {
        refill(b, now);
        if (b.tokens >= capacity) buckets.delete(k);
      }
    }
    return next();
  };
}
