import { z } from 'zod';

/** At most `max` requests per `windowSeconds`, per key (an address, an account). */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export interface RateLimits {
  /** Registrations per client address: each costs an Argon2 hash and an email. */
  register: RateLimit;
  /** Login requests per client address, failed or not: each costs an Argon2 check. */
  login: RateLimit;
  /** Verification attempts per client address. */
  verifyEmail: RateLimit;
  /** Verification emails per account: registration's, an admin's create and email changes. */
  verificationEmails: RateLimit;
}

/** Roomy for people, tight for scripts; each one `RATE_LIMIT_*` in the environment. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  register: { max: 10, windowSeconds: 3600 },
  login: { max: 30, windowSeconds: 60 },
  verifyEmail: { max: 20, windowSeconds: 900 },
  verificationEmails: { max: 5, windowSeconds: 3600 },
};

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `10/1h`, `30/60s`, `5/15m` → a RateLimit: a count per duration. */
export const rateLimitSchema = z
  .string()
  .regex(/^\d{1,9}\/\d{1,6}[smh]?$/, 'must be a count per duration, such as 10/1h or 30/60s')
  .transform((value): RateLimit => {
    // Stryker disable next-line StringLiteral: the regex above leaves exactly one '/'; the defaults only satisfy noUncheckedIndexedAccess
    const [max = '', window = ''] = value.split('/');
    // The unit is the window's last character, or a digit there for seconds.
    const unitSeconds = UNIT_SECONDS[window.slice(-1)] ?? 1;
    return {
      max: Number.parseInt(max, 10),
      windowSeconds: Number.parseInt(window, 10) * unitSeconds,
    };
  })
  .refine(
    ({ max, windowSeconds }) => max > 0 && windowSeconds > 0,
    'must allow at least 1 request in a window longer than zero',
  );
