import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError, RetryLater, ServiceUnavailable, type FieldError } from '../domain/errors.js';
import type { AppEnv } from './env.js';

const CONTENTLESS = new Set([101, 204, 205, 304]);

/** A status a problem body may be sent with; anything else (a coding fault) is answered as a 500. */
export function isContentfulStatus(status: number): status is ContentfulStatusCode {
  return Number.isInteger(status) && status >= 100 && status <= 599 && !CONTENTLESS.has(status);
}

/** RFC 9457 problem details: the one shape of every error this service gives. */
export function problem(c: Context<AppEnv>, requested: number, code: string, title: string, detail: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}) {
  const status = isContentfulStatus(requested) ? requested : 500;
  const body = {
    type: `urn:mash-triage:problem:${code}`,
    title,
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId') ?? '',
    ...(errors.length ? { errors } : {}),
    ...extra,
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** JSON Pointer (RFC 6901) to the field, as clients and the contract expect: /children/0/dateOfBirth. */
export function pointer(path: readonly PropertyKey[]): string {
  return `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

export function zodFieldErrors(error: ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pointer([...path, key]), message: 'is not a field of this record' }));
    }
    if (issue.code === 'invalid_union') {
      return [{ path: pointer(path), message: 'does not match any allowed form' }];
    }
    return [{ path: pointer(path), message: issue.message }];
  });
}

// 55P03 lock_timeout, 57014 statement_timeout, 25P03 idle_in_transaction_session_timeout: the database is there but
// something holds it up (a frozen client's lock); the caller may retry, and nothing of the request was stored.
const PG_UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '57P05', '08000', '08001', '08003', '08006',
  '55P03', '57014', '25P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && PG_UNAVAILABLE.has(e.code)) return true;
  // "not queryable": the connection died mid-transaction and the rollback could not be sent (the server rolls back).
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|is not queryable|Query read timeout/i.test(e.message ?? '');
}

/**
 * What is logged of an unexpected error: its kind, code and stack frames, never
 * its message or fields, which may quote the request (a pg error's detail
 * names the values of the row it refused).
 */
export function loggableError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    ...(typeof code === 'string' ? { code } : {}),
    stack: (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n'),
  };
}

/** The single translator from anything thrown to a problem response. Unknown faults leak nothing. */
export function translateError(error: unknown, c: Context<AppEnv>) {
  if (error instanceof ServiceUnavailable || isDatabaseUnavailable(error)) {
    c.header('Retry-After', String(error instanceof ServiceUnavailable ? error.retryAfterSeconds : 5));
    c.get('logger')?.warn({ fault: loggableError(error) }, 'database unavailable');
    return problem(c, 503, 'unavailable', 'Service unavailable', 'The database cannot be reached just now; nothing was stored. Try again shortly.');
  }
  if (error instanceof DomainError) {
    if (error.status === 401) c.header('WWW-Authenticate', 'Bearer');
    if (error instanceof RetryLater) c.header('Retry-After', String(error.retryAfterSeconds));
    return problem(c, error.status, error.code, error.title, error.message, error.errors, error.extra);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return problem(c, 413, 'too-large', 'Request body too large', error.message || 'The request body is larger than this service accepts');
    if (status === 400) return problem(c, 400, 'malformed', 'Malformed request', error.message || 'The request could not be read');
    return problem(c, status, 'http', error.message || 'Request failed', error.message || 'Request failed');
  }
  c.get('logger')?.error({ fault: loggableError(error) }, 'unhandled error');
  return problem(c, 500, 'internal', 'Internal error', 'Something went wrong on our side; nothing was stored. The request id identifies it in our logs.');
}
