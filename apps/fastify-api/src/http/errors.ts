import type { FieldError } from './problem';

/**
 * Errors a request can end with. Each one knows its status and a detail safe to show;
 * the error handler is the only place that turns them into responses.
 */
export abstract class HttpError extends Error {
  abstract readonly status: number;
  readonly headers: Record<string, string> = {};
}

export class BadRequestError extends HttpError {
  readonly status = 400;
}

/** A 400 about fields the schema could not judge (a breached password): `errors` says which. */
export class ValidationError extends BadRequestError {
  constructor(readonly errors: FieldError[]) {
    super('The request is invalid: see errors.');
  }
}

export class UnauthorizedError extends HttpError {
  readonly status = 401;
  constructor(message: string) {
    super(message);
    this.headers['WWW-Authenticate'] = 'Bearer';
  }
}

export class ForbiddenError extends HttpError {
  readonly status = 403;
}

export class NotFoundError extends HttpError {
  readonly status = 404;
}

export class ConflictError extends HttpError {
  readonly status = 409;
}

export class TooManyRequestsError extends HttpError {
  readonly status = 429;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.headers['retry-after'] = String(retryAfterSeconds);
  }
}

export class ServiceUnavailableError extends HttpError {
  readonly status = 503;
}
