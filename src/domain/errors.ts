/**
 * The domain's one error hierarchy. Each carries a stable code and the HTTP
 * status it means; the HTTP layer's single translator turns any of them into
 * an RFC 9457 problem.
 */
export interface FieldError { path: string; message: string }

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class ValidationFailed extends DomainError {
  constructor(detail: string, errors: FieldError[]) {
    super('validation', 422, 'The request is not valid', detail, errors);
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail = 'A valid bearer token is required') {
    super('unauthenticated', 401, 'Not signed in', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail: string) {
    super('forbidden', 403, 'Not allowed', detail);
  }
}

/** Also used for another authority's records: their existence is not revealed. */
export class NotFound extends DomainError {
  constructor(what: string) {
    super('not-found', 404, 'Not found', `${what} was not found`);
  }
}

export class Conflict extends DomainError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super('conflict', 409, 'Conflict with the current state', detail, [], extra);
  }
}

export class PreconditionRequired extends DomainError {
  constructor(detail: string) {
    super('precondition-required', 428, 'Precondition required', detail);
  }
}

export class PreconditionFailed extends DomainError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super('precondition-failed', 412, 'The record has changed', detail, [], extra);
  }
}

export class ServiceUnavailable extends DomainError {
  constructor(detail: string, readonly retryAfterSeconds = 5) {
    super('unavailable', 503, 'Service unavailable', detail);
  }
}

export class BadRequest extends DomainError {
  constructor(detail: string, errors: FieldError[] = []) {
    super('bad-request', 400, 'Bad request', detail, errors);
  }
}

/** Errors that tell the client when to try again (the translator sends Retry-After). */
export class RetryLater extends DomainError {
  constructor(code: string, status: number, title: string, detail: string, readonly retryAfterSeconds: number) {
    super(code, status, title, detail);
  }
}

export class RequestInFlight extends RetryLater {
  constructor(retryAfterSeconds: number) {
    super('request-in-flight', 409, 'The same request is still being processed',
      'A request with this Idempotency-Key has not finished yet; retry after the time given to receive its outcome', retryAfterSeconds);
  }
}

export class TooManyRequests extends RetryLater {
  constructor(retryAfterSeconds: number) {
    super('rate-limited', 429, 'Too many requests', 'This user has sent too many requests; retry after the time given', retryAfterSeconds);
  }
}

export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super('idempotency-key-reused', 422, 'Idempotency-Key already used',
      'This Idempotency-Key was already used for a different request; use a new key for a new request',
      [{ path: 'Idempotency-Key', message: 'was used with a different request body' }]);
  }
}
