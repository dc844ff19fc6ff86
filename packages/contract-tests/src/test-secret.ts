import { randomBytes } from 'node:crypto';

/**
 * The JWT secret of the apps under test (apps/*\/tests/helpers/test-config.ts), and the one the
 * hostile-token suites sign with. Made when the module loads, so once per test file: a constant
 * would be one more published secret, and the apps refuse those (docs/hardening/security.md).
 */
export const TEST_JWT_SECRET = randomBytes(32).toString('base64url');
