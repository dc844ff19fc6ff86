import {
  BadRequestError,
  ForbiddenError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../http/errors';

/** The same for an unknown email and a wrong password, so neither can be told apart. */
export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super('The email or password is incorrect.');
  }
}

export class InvalidAccessTokenError extends UnauthorizedError {
  constructor(detail = 'The access token is invalid or has expired.') {
    super(detail);
  }
}

export class EmailNotVerifiedError extends ForbiddenError {
  constructor() {
    super('Verify your email address before signing in.');
  }
}

/** One detail for unknown, used and expired tokens. */
export class InvalidVerificationTokenError extends BadRequestError {
  constructor() {
    super('The verification token is invalid, already used or expired.');
  }
}

export class LoginThrottledError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('Too many failed login attempts. Try again later.', retryAfterSeconds);
  }
}

export class MailUnavailableError extends ServiceUnavailableError {
  constructor() {
    super('The verification email could not be sent. Try again later.');
  }
}
