import type { Server } from 'node:http';
import type { FakeClock, FakeMailer } from '@testbed/test-utils';

/**
 * What an implementation gives the contract suites: a way to start it, and the few hooks
 * the HTTP API cannot offer. Everything else the suites do through HTTP.
 */
export interface ContractTarget {
  /** Shown in the suites' names: `express-api`. */
  name: string;
  /** Starts the app on this database (already migrated and empty), listening on any port. */
  start(databaseUrl: string): Promise<RunningApp>;
}

export interface RunningApp {
  /** The listening server the suites send requests to. */
  server: Server;
  /** The app's mail transport: the suites read verification links from it, or make it fail. */
  mailer: FakeMailer;
  /** The app's clock: the suites move it past token lifetimes and throttling windows. */
  clock: FakeClock;
  /** Makes an existing user an admin: the API cannot, since only an admin may change roles. */
  promoteToAdmin(userId: string): Promise<void>;
  /** Stops the server and closes the app's pool. */
  close(): Promise<void>;
}
