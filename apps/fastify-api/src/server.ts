import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import { buildApp, type App } from './app';
import {
  createPasswordBreachChecker,
  type PasswordBreachChecker,
} from './auth/password-breach-checker';
import { PasswordHasher } from './auth/password-hasher';
import { systemClock } from './clock';
import { ConfigError, configFromEnvironment, type Config } from './config';
import { createDatabase, createPool, type Database } from './db/database';
import { createRepositories } from './db/database.plugin';
import { startDefaultDatabase } from './db/default-database';
import { migrate } from './db/migrate';
import { describeError } from './http/describe-error';
import { consoleDestination, createLogger } from './logger';
import { createMailer } from './mail/create-mailer';
import { startBanner } from './start-banner';
import { ensureAdmin } from './users/ensure-admin';

// What has been opened so far, closed in reverse order on shutdown or on a failed start.
const resources: (() => Promise<unknown>)[] = [];
const closeAll = async () => {
  for (const close of resources.splice(0).reverse()) await close();
};

async function openDatabase(config: Config, logger: FastifyBaseLogger): Promise<Database> {
  let url = config.databaseUrl;
  if (url === undefined) {
    const { dir, port } = config.embeddedDatabase;
    const embedded = await startDefaultDatabase(dir, port, logger);
    resources.push(() => embedded.stop());
    url = embedded.url;
  }
  await migrate(url);
  const pool = createPool(url, {
    max: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
    onConnectionLost: (error) => logger.warn({ err: error }, 'database connection lost'),
  });
  resources.push(() => pool.end());
  return createDatabase(pool);
}

async function ensureAdminAccount(
  config: Config,
  db: Database,
  logger: FastifyBaseLogger,
  breachChecker: PasswordBreachChecker,
) {
  if (!config.admin) return;
  const hasher = new PasswordHasher(config.passwords);
  const repos = createRepositories(db);
  await ensureAdmin(config.admin, { repos, hasher, breachChecker, clock: systemClock, logger });
}

/**
 * SIGTERM/SIGINT, from the start on: whatever is open is closed in reverse order, so even a
 * Ctrl-C during start-up leaves no database server running.
 */
function stopOnSignals(logger: Logger) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C, or SIGTERM after SIGINT, must not close anything twice; the shutdown
    // cut already bounds how long the first one takes.
    if (stopping) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    closeAll().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * app.close() stops accepting connections and lets in-flight requests finish. Node stops timing
 * requests out once the server closes, so a client that trickles its body would hold the
 * process open for ever: whatever is still open after the timeout is cut.
 */
function closeApp(app: App, shutdownTimeoutMs: number) {
  setTimeout(() => app.server.closeAllConnections(), shutdownTimeoutMs).unref();
  return app.close();
}

/** The one place with side effects: environment, database, migrations, listening, shutdown. */
async function main(config: Config, logger: Logger): Promise<void> {
  for (const warning of config.warnings) logger.warn(warning);
  stopOnSignals(logger);
  const db = await openDatabase(config, logger);
  // One checker for the admin bootstrap and the app, so both ask the same service the same way.
  const passwordBreachChecker = createPasswordBreachChecker(config.passwordBreachCheck, { logger });
  await ensureAdminAccount(config, db, logger, passwordBreachChecker);
  const mailer = createMailer(config.mail, systemClock);
  const app = buildApp({ db, mailer, clock: systemClock, config, logger, passwordBreachChecker });
  resources.push(() => closeApp(app, config.shutdownTimeoutMs));
  // Fastify logs the line itself: one per address when HOST is 0.0.0.0.
  await app.listen({
    port: config.port,
    host: config.host,
    listenTextResolver: (address) => `fastify-api listening on ${address}`,
  });
  // For a person at a terminal only: a log collector wants the lines above, not a poster.
  const { port } = app.server.address() as AddressInfo;
  if (terminal)
    process.stdout.write(startBanner('fastify-api', `http://localhost:${port}`, config));
}

let config: Config;
try {
  config = configFromEnvironment();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const terminal = consoleDestination(config.logFormat, config.env === 'production');
main(config, createLogger(config.logLevel, terminal)).catch(async (error: unknown) => {
  const { message, query } = describeError(error);
  const during = typeof query === 'string' ? ` (in ${query.split('\n')[0] ?? ''}…)` : '';
  process.stderr.write(`fastify-api failed to start: ${String(message)}${during}\n`);
  await closeAll().catch(() => undefined);
  process.exit(1);
});
