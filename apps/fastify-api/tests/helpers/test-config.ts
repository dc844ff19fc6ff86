import { TEST_JWT_SECRET } from '@testbed/contract-tests/test-secret';
import { loadConfig } from '../../src/config';

/**
 * The app's configuration in tests, made by the app's own loader from a test environment.
 * Argon2id runs at its minimum cost here: the algorithm and code path are the real ones, but
 * a hash takes under 0.1 ms instead of ~10 (docs/speed.md).
 */
export const testConfig = loadConfig({
  NODE_ENV: 'test',
  PUBLIC_URL: 'http://app.test',
  JWT_SECRET: TEST_JWT_SECRET,
  ACCESS_TOKEN_TTL: '900',
  ARGON2_MEMORY_COST: '8',
  ARGON2_TIME_COST: '1',
  LOG_LEVEL: 'info',
  // Out of the way of every suite but those about limits, which start apps with low ones.
  RATE_LIMIT_REGISTER: '1000000/1s',
  RATE_LIMIT_LOGIN: '1000000/1s',
  RATE_LIMIT_VERIFY_EMAIL: '1000000/1s',
  RATE_LIMIT_VERIFICATION_EMAILS: '1000000/1s',
});
