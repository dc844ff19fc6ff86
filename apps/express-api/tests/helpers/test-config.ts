import type { AppConfig } from '../../src/config';

/**
 * The app's configuration in tests. Argon2id runs at its minimum cost here: the algorithm
 * and code path are the real ones, but a hash takes under 0.1 ms instead of ~10 (docs/speed.md).
 */
export const testConfig: AppConfig = {
  publicUrl: 'http://app.test',
  jwt: {
    secret: 'test-secret-that-is-long-enough-for-hs256',
    issuer: 'testbed',
    audience: 'testbed-api',
    ttlSeconds: 900,
  },
  passwordHashing: { memoryCost: 8, timeCost: 1, parallelism: 1 },
};
