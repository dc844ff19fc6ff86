export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error the client is told about. Services and repositories throw these (or domain
 * errors that extend them); the one error handler turns them into problem+json.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationError extends HttpError {
  constructor(errors: FieldError[], detail = 'The request is invalid: see errors.') {
    super(400, detail, {}, errors);
  }
}

export class BadRequestError extends HttpError {
  constructor(detail: string) {
    super(400, detail);
  }
}

/**
 * A body refused as it stands (declared JSON, sent empty): the connection ends with the answer,
 * as after every body the Fastify twin's parser refuses (docs/api-contract.md).
 */
export class RefusedBodyError extends HttpError {
  constructor(detail: string) {
    super(400, detail, { Connection: 'close' });
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail = 'Authentication is required.') {
    super(401, detail, { 'WWW-Authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail: string) {
    super(403, detail);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail: string) {
    super(404, detail);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, allowed: string[]) {
    super(405, `${method} is not allowed here.`, { Allow: allowed.join(', ') });
  }
}

export class ConflictError extends HttpError {
  constructor(detail: string) {
    super(409, detail);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, detail, { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(detail: string) {
    super(503, detail);
  }
}
