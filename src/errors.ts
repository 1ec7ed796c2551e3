/**
 * Typed errors thrown by services and turned into the JSON error shape by one HTTP handler,
 * so that no service ever needs to know about status codes.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or exists outside the actor's scope (never leak which). */
export class NotFound extends AppError {
  constructor(entity: string, id?: string) {
    super(404, 'not_found', `${entity} not found`, id ? { entity, id } : { entity });
  }
}

/** The actor's role may never do this, whatever the record. */
export class Forbidden extends AppError {
  constructor(action: string) {
    super(403, 'forbidden', `Not allowed: ${action}`, { action });
  }
}

/** No valid session or token. */
export class Unauthenticated extends AppError {
  constructor(message = 'Sign in first') {
    super(401, 'unauthenticated', message);
  }
}

/** The request conflicts with the stored state (stale version, duplicate key). */
export class Conflict extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(409, code, message, details);
  }
}

/** Well-formed input that breaks a domain rule (a forbidden transition, an unknown code). */
export class Invalid extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(422, code, message, details);
  }
}

/** Too many attempts; the client should wait `retryAfterSeconds`. */
export class TooMany extends AppError {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(429, code, message, { retryAfterSeconds });
  }
}
