/**
 * Every string this repository has ever used as a JWT secret (found with
 * `git log -p --all -S JWT_SECRET` and a search of the history for `secret`): once
 * published, each one signs a token for anyone. The apps refuse them in production by
 * their SHA-256 digests (src/published-jwt-secrets.ts), and with no JWT_SECRET they sign
 * with a random one, so none of these may ever be accepted.
 */
export const PUBLISHED_JWT_SECRETS = [
  // The apps' old fallbacks when JWT_SECRET was unset outside production.
  'development-only-secret-do-not-use-in-production',
  'development-only-secret-change-me-0123456789',
  // The test configurations (apps/*/tests/helpers/test-config.ts) and the process suites.
  'test-secret-that-is-long-enough-for-hs256',
  'shutdown-suite-secret-of-at-least-32-chars',
  // The config unit tests' production secret and the "another secret" of the token tests.
  'a-production-secret-that-is-long-enough',
  'another-secret-of-the-same-length!!',
] as const;
