// The harness for Jest: a real PostgreSQL per test file (see README.md). Vitest: vitest/index.ts.
export * from './core';
export { createGlobalSetup } from './jest/global-setup';
export { testDatabase, useTestDatabase } from './jest/use-test-database';
export { interceptOutboundHttp } from './jest/intercept-outbound-http';
