import { createHash, randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { completeKey, deleteExpiredKeys, releaseKey, reserveKey, type KeyOwner } from '../../db/repositories/idempotency.repo.js';
import type { Deps } from '../../domain/context.js';
import { BadRequest, IdempotencyKeyReused, RequestInFlight } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { isContentfulStatus, problem } from '../problem.js';

export interface IdempotencySettings {
  /** How long a key and its response are kept: at least 24 hours. */
  ttlMs: number;
  /** After this long an unfinished reservation is presumed abandoned (its process died) and a retry re-runs it. */
  inFlightTimeoutMs: number;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
const SWEEP_EVERY_MS = 60_000;

/** Same key, same request: the method, path and exact body bytes. */
export function hashRequest(method: string, path: string, body: Uint8Array): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

/**
 * Idempotency-Key on every POST under the API: a retried request gets the
 * first outcome back instead of being done twice.
 *
 * The key is reserved in its own short transaction, the request runs, then
 * the response is stored. If the process dies before storing the response, the
 * reservation is left in flight; a retry after the in-flight timeout takes it
 * over. If the dead request's change had committed (its audit entry carries its
 * request id), the retry is told so (409, Location of the record) rather than
 * doing it again; otherwise the request re-runs, since nothing of it was stored.
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
    const requestHash = hashRequest(c.req.method, c.req.path, body);
    const holder = randomUUID();
    const now = deps.clock.now();
    if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now.getTime();
      await deleteExpiredKeys(deps.db, now);
    }

    const reservation = await reserveKey(deps.db, { owner, requestHash, holder, requestId: c.get('requestId'), now, ...settings });
    if (reservation.outcome === 'mismatch') throw new IdempotencyKeyReused();
    if (reservation.outcome === 'in-flight') {
      const waitMs = reservation.lockedAt.getTime() + settings.inFlightTimeoutMs - now.getTime();
      throw new RequestInFlight(Math.max(1, Math.ceil(waitMs / 1000)));
    }
    if (reservation.outcome === 'replay') {
      const { status, headers, body: stored } = reservation.response;
      const replayHeaders = { ...headers, 'Idempotent-Replayed': 'true' };
      // A 204 or 304 carries no body.
      return isContentfulStatus(status) ? c.body(stored, status, replayHeaders) : new Response(null, { status, headers: replayHeaders });
    }
    const log = c.get('logger');
    if (reservation.outcome === 'done-unanswered') {
      const answer = alreadyDone(c, reservation.contactId);
      await completeKey(deps.db, owner, holder, await stored(answer));
      return answer;
    }

    await next();
    if (c.res.status >= 500) {
      await releaseKey(deps.db, owner, holder).catch(() => log?.warn('idempotency key not released; it frees itself after the in-flight timeout'));
      return;
    }
    // The outcome is already committed: the client gets it even if the key cannot record it.
    await completeKey(deps.db, owner, holder, await stored(c.res)).catch(() => log?.warn('idempotency response not stored; a retry after the in-flight timeout re-runs'));
  };
}

async function stored(res: Response) {
  const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => {
    const v = res.headers.get(h);
    return v === null ? [] : [[h, v]];
  }));
  return { status: res.status, headers, body: await res.clone().text() };
}

/** The earlier attempt's change committed but its response was lost with its process: point to what it changed. */
function alreadyDone(c: Context<AppEnv>, contactId: string | null) {
  if (contactId) c.header('Location', `/api/v1/contacts/${contactId}`);
  return problem(c, 409, 'request-already-done', 'This request was already carried out',
    'An earlier attempt with this Idempotency-Key was carried out, but the service stopped before answering it; do not send it again.'
    + (contactId ? ' The record it changed is at Location.' : ''), [], contactId ? { contactId } : {});
}
