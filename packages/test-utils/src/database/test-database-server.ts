import { createHash, randomBytes } from 'node:crypto';
import {
  type CloneStrategy,
  createDatabase,
  databasesStartingWith,
  dropDatabase,
  quoteIdentifier,
  withClient,
} from './admin-client';
import { databaseNameOf, withDatabase } from './connection-url';

/**
 * Everything a test worker needs to make its own database: plain strings, so the process
 * that set the server up can hand them to Jest's workers through the environment.
 */
export interface ServerHandle {
  /** Superuser connection to a maintenance database on the server. */
  adminUrl: string;
  /** The migrated database every test database is cloned from. */
  template: string;
  /** The other apps' templates by app name (HarnessOptions.otherApps), if any. */
  otherTemplates?: Record<string, string> | undefined;
  /**
   * FILE_COPY on the embedded server: copying the files is twice as fast as WAL_LOG, and the
   * checkpoint it forces is cheap with fsync off. External servers keep their default.
   */
  cloneStrategy?: CloneStrategy | undefined;
  /** This run's databases start with it, so the run can drop exactly its own. */
  runPrefix: string;
  /** Failed databases kept for inspection start with it (TESTBED_KEEP_FAILED_DB). */
  keptPrefix: string;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
  /** Keeps it after the run, under a name of its own, and returns its URL. */
  keep: () => Promise<string>;
}

const suffix = () => randomBytes(4).toString('hex');

/** A fresh database with the latest schema, cloned from the template in a few milliseconds. */
export async function createTestDatabase(server: ServerHandle): Promise<TestDatabase> {
  const database = planTestDatabase(server);
  await database.create();
  return database;
}

/**
 * The database's name and URL at once, the database itself on `create()`: for a runner whose
 * per-file set-up must hand the file its URL before it can wait for anything (Vitest).
 */
export function planTestDatabase(
  server: ServerHandle,
): TestDatabase & { create: () => Promise<void> } {
  const name = `${server.runPrefix}${suffix()}`;
  const template = { name: server.template, strategy: server.cloneStrategy };
  return {
    name,
    url: withDatabase(server.adminUrl, name),
    create: () => withClient(server.adminUrl, (client) => createDatabase(client, name, template)),
    drop: () => withClient(server.adminUrl, (client) => dropDatabase(client, name)),
    keep: () =>
      withClient(server.adminUrl, async (client) => {
        const kept = `${server.keptPrefix}${name.slice(server.runPrefix.length)}`;
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        await client.query(
          `ALTER DATABASE ${quoteIdentifier(name)} RENAME TO ${quoteIdentifier(kept)}`,
        );
        return withDatabase(server.adminUrl, kept);
      }),
  };
}

/** Drops every database this run created and still has; returns the URLs of kept ones. */
export async function dropRunDatabases(server: ServerHandle): Promise<string[]> {
  return withClient(server.adminUrl, async (client) => {
    for (const name of await databasesStartingWith(client, server.runPrefix)) {
      await dropDatabase(client, name);
    }
    const kept = await databasesStartingWith(client, server.keptPrefix);
    return kept.map((name) => withDatabase(server.adminUrl, name));
  });
}

/** Names for one run: `<base>_<run>_<db>`, short enough for PostgreSQL's 63-byte limit. */
export function runPrefixes(baseName: string): { runPrefix: string; keptPrefix: string } {
  const run = suffix().slice(0, 6);
  return { runPrefix: `${baseName}_${run}_`, keptPrefix: `${baseName}_kept_${run}_` };
}

/**
 * The base of every name the harness gives: `<app>_test` on its own server, and
 * `<database in the URL>_<app>` on a shared one, shortened with a hash past 32 characters
 * so that the longest derived name stays under PostgreSQL's 63.
 */
export function baseNameFor(serverUrl: string | undefined, appName: string): string {
  const app = appName.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const base = serverUrl === undefined ? `${app}_test` : `${databaseNameOf(serverUrl)}_${app}`;
  if (base.length <= 32) return base;
  return `${base.slice(0, 23)}_${createHash('sha256').update(base).digest('hex').slice(0, 8)}`;
}
