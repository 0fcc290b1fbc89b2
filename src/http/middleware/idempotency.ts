import { createHash, randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { completeKey, deleteExpiredKeys, releaseKey, reserveKey, type KeyOwner } from '../../db/repositories/idempotency.repo.js';
import type { Deps } from '../../domain/context.js';
import { BadRequest, IdempotencyKeyReused, RequestInFlight } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';

export interface IdempotencySettings {
  /** How long a key and its response are kept: at least 24 hours. */
  ttlMs: number;
  /** After this long an unfinished reservation is presumed abandoned (its process died) and a retry re-runs it. */
  inFlightTimeoutMs: number;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
const SWEEP_EVERY_MS = 60_000;

/**
 * Idempotency-Key on every POST under the API: a retried request gets the
 * first outcome back instead of being done twice.
 *
 * The key is reserved in its own short transaction, the request runs, then
 * the response is stored. If the process dies between the request's commit
 * and storing its response, the reservation is left in flight; a retry after
 * the in-flight timeout re-runs the request (we chose re-running over refusing
 * the key for ever: a contact recorded twice can be seen and merged, a contact
 * never recorded is lost). The window is one statement wide.
 */
export function idempotency(deps: Deps, settings: IdempotencySettings): MiddlewareHandler<AppEnv> {
  let lastSweep = 0;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY.test(key)) throw new BadRequest('Idempotency-Key must be 1 to 255 visible ASCII characters', [{ path: 'Idempotency-Key', message: 'is not a valid key' }]);

    const actor = c.get('actor');
    const owner: KeyOwner = { la: actor.la, sub: actor.sub, key };
    const body = new Uint8Array(await c.req.arrayBuffer());
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(body).digest('hex');
    const holder = randomUUID();
    const now = deps.clock.now();
    if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now.getTime();
      await deleteExpiredKeys(deps.db, now);
    }

    const reservation = await reserveKey(deps.db, { owner, requestHash, holder, now, ...settings });
    if (reservation.outcome === 'mismatch') throw new IdempotencyKeyReused();
    if (reservation.outcome === 'in-flight') {
      const waitMs = reservation.lockedAt.getTime() + settings.inFlightTimeoutMs - now.getTime();
      throw new RequestInFlight(Math.max(1, Math.ceil(waitMs / 1000)));
    }
    if (reservation.outcome === 'replay') {
      const { status, headers, body: stored } = reservation.response;
      return c.body(stored, status as never, { ...headers, 'Idempotent-Replayed': 'true' });
    }

    await next();
    const log = c.get('logger');
    if (c.res.status >= 500) {
      await releaseKey(deps.db, owner, holder).catch(() => log?.warn('idempotency key not released; it frees itself after the in-flight timeout'));
      return;
    }
    const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => {
      const v = c.res.headers.get(h);
      return v === null ? [] : [[h, v]];
    }));
    const response = { status: c.res.status, headers, body: await c.res.clone().text() };
    // The outcome is already committed: the client gets it even if the key cannot record it.
    await completeKey(deps.db, owner, holder, response).catch(() => log?.warn('idempotency response not stored; a retry after the in-flight timeout re-runs'));
  };
}
