import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Deps } from '../../domain/context.js';
import type { AppEnv } from '../env.js';
import { problem } from '../problem.js';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');

const live = createRoute({
  method: 'get', path: '/healthz', tags: ['Operations'], summary: 'The process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Health } } } },
});

const ready = createRoute({
  method: 'get', path: '/readyz', tags: ['Operations'], summary: 'The database is reachable',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Health } } },
    503: { description: 'The database cannot be reached, or does not answer a query within 2 seconds' },
  },
});

/** A database slower than this to answer `select 1` is not ready, whether it is away, frozen or its pool is exhausted. */
const READY_TIMEOUT_MS = 2000;

async function answersInTime(deps: Deps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS); });
  const answered = sql`select 1`.execute(deps.db).then(() => true, () => false);
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(live, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(ready, async (c) => {
    if (await answersInTime(deps)) return c.json({ status: 'ok' as const }, 200);
    c.header('Retry-After', '5');
    // Cast: problem() writes application/problem+json as a body, which the route's typed JSON response cannot express.
    return problem(c, 503, 'unavailable', 'Not ready', `The database did not answer within ${READY_TIMEOUT_MS} ms`) as never;
  });
  return app;
}
