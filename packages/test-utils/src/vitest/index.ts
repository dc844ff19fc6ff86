// The harness for Vitest: a real PostgreSQL per test file. Jest: ../index.ts.
export * from '../core';
export { createGlobalSetup } from './global-setup';
export { testDatabase, useTestDatabase } from './use-test-database';
export { interceptOutboundHttp } from './intercept-outbound-http';
