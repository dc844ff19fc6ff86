import { TEST_JWT_SECRET } from '@testbed/contract-tests/test-secret';
import type { AppConfig } from '../../src/config';
import type { RateLimit } from '../../src/http/rate-limits';

const GENEROUS: RateLimit = { max: 1_000_000, windowSeconds: 1 };

/**
 * The app's configuration in tests. Argon2id runs at its minimum cost here: the algorithm
 * and code path are the real ones, but a hash takes under 0.1 ms instead of ~10 (docs/speed.md).
 */
export const testConfig: AppConfig = {
  publicUrl: 'http://app.test',
  jwt: {
    secret: TEST_JWT_SECRET,
    issuer: 'testbed',
    audience: 'testbed-api',
    ttlSeconds: 900,
  },
  passwordHashing: { memoryCost: 8, timeCost: 1, parallelism: 1 },
  trustProxy: false,
  // Out of the way of every suite but those about limits, which start apps with low ones.
  rateLimits: {
    register: GENEROUS,
    login: GENEROUS,
    verifyEmail: GENEROUS,
    verificationEmails: GENEROUS,
  },
  // Off, so no test reaches the internet; the breach-check suites turn it on, intercepted.
  passwordBreachCheck: undefined,
};
