import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisClient = Redis;

/**
 * The Redis that several instances share for rate limits, when `REDIS_URL` is set. Commands fail at once
 * while it is unreachable (no offline queue, one try), so a limiter falls back to its insurance (the
 * database) rather than holding a request; the client keeps reconnecting in the background.
 */
export function openRedis(url: string, logger: Logger): RedisClient {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
  let reported = false;
  client.on('error', (error: Error) => {
    // One line per outage, not one per reconnection attempt.
    if (!reported) logger.warn({ err: { message: error.message } }, 'redis unreachable: rate limits fall back to the database');
    reported = true;
  });
  client.on('ready', () => { reported = false; });
  return client;
}

/** Closes the connection; a Redis that is down does not hold up a shutdown. */
export async function closeRedis(client: RedisClient): Promise<void> {
  await client.quit().catch(() => client.disconnect());
}
