// The runner-agnostic harness: everything but the wiring into Jest (jest/) or Vitest (vitest/).
export { fingerprintFiles } from './database/fingerprint';
export { withDatabase, databaseNameOf, redactPassword } from './database/connection-url';
export { assertTestDatabaseUrl, isTestDatabaseName } from './database/test-database-guard';
export { startEmbeddedServer, type EmbeddedServer } from './database/embedded-server';
export { findFreePort } from './database/free-port';
export {
  startHarness,
  type AppSchema,
  type Harness,
  type HarnessOptions,
} from './database/test-database-harness';
export {
  createTestDatabase,
  type ServerHandle,
  type TestDatabase,
} from './database/test-database-server';
export type { FileDatabase } from './database/file-database';

// Isolation between tests.
export * from './isolation';

// Test data, fakes for the edges, auth and logs.
export { createSequence, type Sequence } from './factories/sequence';
export { defineFactory, type Factory, type FactoryDefinition } from './factories/define-factory';
export { FakeMailer, type MailMessage } from './fakes/fake-mailer';
export { FakeClock, durationToMs, type Clock, type Duration } from './fakes/fake-clock';
export { bearer } from './auth/bearer';
export { forgeJwt, epochSeconds, type ForgeJwtOptions } from './auth/forge-jwt';
export { LogRecorder, type LogEntry } from './logging/log-recorder';

// Outbound HTTP: the internet stood in for at the client's edge (docs/external-services.md).
export {
  OutboundHttp,
  useOutboundHttp,
  type OutboundHooks,
  type OutboundRequest,
} from './http/outbound-http';

// Faults: the database cut off from the app, and given back.
export { proxyDatabase, type DatabaseProxy } from './faults/database-proxy';

// Every response checked against the app's own OpenAPI document.
export * from './openapi';
