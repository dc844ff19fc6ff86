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
  start(databaseUrl: string, options?: StartOptions): Promise<RunningApp>;
  /**
   * How to run the app as its own process, the way `pnpm start` does but from source: the
   * shutdown suite sends it signals. Run as `node <args…>` in `cwd`, configured by env.
   */
  process: { cwd: string; args: string[] };
}

export interface StartOptions {
  /**
   * The app's limits on the database, in milliseconds: a statement running longer is
   * cancelled, a connection not had within `connectMs` is given up. The fault suites make
   * them short so a slow or missing database shows within a test; unset, the app's defaults.
   */
  databaseTimeouts?: { statementMs: number; connectMs: number };
  /**
   * The HTTP server's limits, in milliseconds: the whole request must arrive within
   * `requestMs` and its headers within `headersMs`, and an idle kept-alive connection is
   * closed after `keepAliveMs`. The slow-client suite makes them short; unset, the app's defaults.
   */
  httpTimeouts?: { requestMs: number; headersMs: number; keepAliveMs: number };
  /**
   * Whose X-Forwarded-For the app believes, as `TRUST_PROXY` gives it: a hop count, or the
   * proxies' addresses and CIDRs. Unset, nobody's: the client is the socket address.
   */
  trustProxy?: number | string[];
  /** Request limits to start with; unset ones stay the target's test defaults (roomy). */
  rateLimits?: Partial<Record<RateLimitName, { max: number; windowSeconds: number }>>;
  /**
   * The breached-password check on, asking this base URL (PASSWORD_BREACH_CHECK=on,
   * PASSWORD_BREACH_CHECK_URL, PASSWORD_BREACH_CHECK_TIMEOUT_MS). Unset: off, as in every test.
   */
  passwordBreachCheck?: { url: string; timeoutMs: number };
}

/**
 * The limits of `RATE_LIMIT_*`: per client address on register, login and verify-email, and
 * verification emails per account.
 */
export type RateLimitName = 'register' | 'login' | 'verifyEmail' | 'verificationEmails';

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
