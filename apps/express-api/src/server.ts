import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import { createPasswordHasher } from './auth/password-hasher';
import { systemClock } from './clock';
import { ConfigError, loadConfig, type Config } from './config';
import { createDataSource } from './db/data-source';
import { repositoriesFor } from './db/database';
import { startDefaultDatabase, type DefaultDatabase } from './db/default-database';
import { migrate } from './db/migrate';
import { createLogger, type Logger } from './logger';
import { createHttpServer } from './http/http-server';
import { createMailer } from './mail/create-mailer';
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

async function openDatabase(config: Config, logger: Logger) {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: () => Promise.resolve() };
  const { dir, port } = config.embeddedDatabase;
  return startDefaultDatabase(dir, port, logger);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve();
    });
  });
}

interface Running {
  server: Server;
  dataSource: DataSource;
  database: DefaultDatabase;
  logger: Logger;
  shutdownTimeoutMs: number;
}

/** SIGTERM/SIGINT: in-flight requests finish, then the pool closes, then the database. */
function stopOnSignals({ server, dataSource, database, logger, shutdownTimeoutMs }: Running): void {
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // A kept-alive connection that keeps sending would hold close() open for ever: the
    // requests still arriving are answered with `Connection: close`, so clients move on.
    server.prependListener('request', (_request, response) => {
      response.setHeader('Connection', 'close');
    });
    server.close(() => {
      void dataSource
        .destroy()
        .then(() => database.stop())
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ error: String(error) }, 'unclean shutdown');
          process.exit(1);
        });
    });
    // close() waits for requests in flight; idle keep-alive connections can go now. Node stops
    // timing requests out once the server closes, so a client that trickles its body would
    // hold the process open for ever: whatever is still open after the timeout is cut.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

async function openDataSource(config: Config, logger: Logger) {
  const database = await openDatabase(config, logger);
  await migrate(database.url);
  const options = {
    url: database.url,
    poolSize: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
    onConnectionLost: (error: Error) => logger.warn({ err: error }, 'database connection lost'),
  };
  const dataSource = await createDataSource(options).initialize();
  if (config.admin) {
    const hasher = createPasswordHasher(config.passwordHashing);
    const repos = repositoriesFor(dataSource.manager);
    await ensureAdmin(config.admin, { repos, hasher, clock: systemClock, logger });
  }
  return { database, dataSource };
}

/** The only place that reads the environment, opens the database and listens. */
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  for (const warning of config.warnings) logger.warn(warning);
  const { database, dataSource } = await openDataSource(config, logger);

  const clock = systemClock;
  const mailer = createMailer(config.mail, clock);
  const app = createApp({ dataSource, mailer, clock, config, logger });
  const server = createHttpServer(app, config.httpTimeouts);
  await listen(server, config.port, config.host);
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  logger.info({ url }, `express-api listening on ${url}`);
  stopOnSignals({
    server,
    dataSource,
    database,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`express-api failed to start: ${reason}\n`);
  process.exit(1);
});
