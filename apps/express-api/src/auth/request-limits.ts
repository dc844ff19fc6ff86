import type { RequestHandler } from 'express';
import type { Clock } from '../clock';
import { clientAddress } from '../http/client-address';
import { RateLimiter } from '../http/rate-limiter';
import type { RateLimits } from '../http/rate-limits';
import type { Logger } from '../logger';

const PER_ADDRESS = 'Too many requests from this address. Try again later.';
const PER_ACCOUNT = 'Too many verification emails for this account. Try again later.';

/** The limits on costly requests (docs/hardening/security.md): one limiter per rule. */
export function createRequestLimits(limits: RateLimits, clock: Clock, logger: Logger) {
  const perAddress = (name: string, limit: RateLimits['register']) =>
    new RateLimiter({ name, limit, keyField: 'clientIp', detail: PER_ADDRESS }, clock, logger);
  return {
    register: perAddress('register', limits.register),
    login: perAddress('login', limits.login),
    verifyEmail: perAddress('verify_email', limits.verifyEmail),
    verificationEmails: new RateLimiter(
      {
        name: 'verification_email',
        limit: limits.verificationEmails,
        keyField: 'userId',
        detail: PER_ACCOUNT,
      },
      clock,
      logger,
    ),
  };
}

export type RequestLimits = ReturnType<typeof createRequestLimits>;

/** Route middleware: counts the request against its client address before any work is done. */
export function limitByAddress(limiter: RateLimiter): RequestHandler {
  return (req, _res, next) => {
    limiter.take(clientAddress(req));
    next();
  };
}
