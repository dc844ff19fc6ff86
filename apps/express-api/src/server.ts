import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import {
  createPasswordBreachChecker,
  type PasswordBreachChecker,
} from './auth/password-breach-checker';
import { createPasswordHasher } from './auth/password-hasher';
import { systemClock } from './clock';
import { ConfigError, loadConfig, type Config } from './config';
import { createDataSource } from './db/data-source';
import { repositoriesFor } from './db/database';
import { startDefaultDatabase } from './db/default-database';
import { migrate } from './db/migrate';
import { consoleDestination, createLogger, type Logger } from './logger';
import { createHttpServer } from './http/http-server';
import { createMailer } from './mail/create-mailer';
import { startBanner } from './start-banner';
import { ensureAdmin } from './users/ensure-admin';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

// What has been opened so far, closed in reverse order on shutdown or on a failed start: the
// server (requests in flight finish), then the pool, then the embedded database.
const resources: (() => Promise<unknown>)[] = [];
const closeAll = async () => {
  for (const close of resources.splice(0).reverse()) await close();
};

async function openDatabase(config: Config, logger: Logger): Promise<string> {
  if (config.databaseUrl) return config.databaseUrl;
  const { dir, port } = config.embeddedDatabase;
  const database = await startDefaultDatabase(dir, port, logger);
  resources.push(() => database.stop());
  return database.url;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve();
    });
  });
}

/** Stops accepting connections and resolves once the requests in flight have been answered. */
function closeServer(server: Server, shutdownTimeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // A kept-alive connection that keeps sending would hold close() open for ever: the
    // requests still arriving are answered with `Connection: close`, so clients move on.
    server.prependListener('request', (_request, response) => {
      response.setHeader('Connection', 'close');
    });
    server.close(() => resolve());
    // close() waits for requests in flight; idle keep-alive connections can go now. Node stops
    // timing requests out once the server closes, so a client that trickles its body would
    // hold the process open for ever: whatever is still open after the timeout is cut.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
  });
}

/**
 * SIGTERM/SIGINT, from the start on: whatever is open is closed in order, so even a Ctrl-C
 * during start-up leaves no database server running.
 */
function stopOnSignals(logger: Logger): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
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
        logger.error({ error: String(error) }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function openDataSource(
  config: Config,
  logger: Logger,
  breachChecker: PasswordBreachChecker,
): Promise<DataSource> {
  const url = await openDatabase(config, logger);
  await migrate(url);
  const options = {
    url,
    poolSize: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
    onConnectionLost: (error: Error) => logger.warn({ err: error }, 'database connection lost'),
  };
  const dataSource = await createDataSource(options).initialize();
  resources.push(() => dataSource.destroy());
  if (config.admin) {
    const hasher = createPasswordHasher(config.passwordHashing);
    const repos = repositoriesFor(dataSource.manager);
    await ensureAdmin(config.admin, { repos, hasher, breachChecker, clock: systemClock, logger });
  }
  return dataSource;
}

/** The only place that reads the environment, opens the database and listens. */
async function main(config: Config, logger: Logger): Promise<void> {
  for (const warning of config.warnings) logger.warn(warning);
  stopOnSignals(logger);
  // One checker for the admin bootstrap and the app, so both ask the same service the same way.
  const passwordBreachChecker = createPasswordBreachChecker(config.passwordBreachCheck, { logger });
  const dataSource = await openDataSource(config, logger, passwordBreachChecker);

  const clock = systemClock;
  const mailer = createMailer(config.mail, clock);
  const app = createApp({ dataSource, mailer, clock, config, logger, passwordBreachChecker });
  const server = createHttpServer(app, config.httpTimeouts);
  await listen(server, config.port, config.host);
  resources.push(() => closeServer(server, config.shutdownTimeoutMs));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  logger.info({ url }, `express-api listening on ${url}`);
  // For a person at a terminal only: a log collector wants the line above, not a poster.
  if (terminal) process.stdout.write(startBanner('express-api', url, config));
}

const config = readConfig();
const terminal = consoleDestination(config.logFormat, config.production);
const logger = createLogger(config.logLevel, terminal);
main(config, logger).catch(async (error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`express-api failed to start: ${reason}\n`);
  await closeAll().catch(() => undefined);
  process.exit(1);
});
