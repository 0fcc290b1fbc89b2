import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../env.js';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A request id on every request and every log line; one access-log line per request, with no body or query. */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : `req_${randomUUID()}`;
    c.set('requestId', requestId);
    const log = logger.child({ requestId });
    c.set('logger', log);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    log.info({ method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started), actor: c.get('actor')?.sub }, 'request');
  };
}
