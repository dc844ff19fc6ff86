import type pg from 'pg';
import {
  createDatabase,
  databasesStartingWith,
  dropDatabase,
  quoteIdentifier,
  withClient,
} from './admin-client';
import { withDatabase } from './connection-url';

export interface TemplateSpec {
  /** Prefix of the template's name; its migrations' fingerprint completes it. */
  baseName: string;
  fingerprint: string;
  /** Brings an empty database to the latest schema: the app's own migrations. */
  migrate(url: string): Promise<void>;
}

async function isReadyTemplate(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{ datistemplate: boolean }>(
    'SELECT datistemplate FROM pg_database WHERE datname = $1',
    [name],
  );
  return rows[0]?.datistemplate === true;
}

async function build(client: pg.Client, adminUrl: string, name: string, spec: TemplateSpec) {
  await dropDatabase(client, name);
  await createDatabase(client, name);
  await spec.migrate(withDatabase(adminUrl, name));
  // A template must have no sessions when it is cloned; close any a migrator left open.
  await client.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  // Marking it a template is also the sign that the build finished.
  await client.query(
    `ALTER DATABASE ${quoteIdentifier(name)} IS_TEMPLATE true ALLOW_CONNECTIONS false`,
  );
}

async function dropStaleTemplates(client: pg.Client, spec: TemplateSpec, current: string) {
  for (const name of await databasesStartingWith(client, `${spec.baseName}_tpl_`)) {
    if (name !== current) await dropDatabase(client, name);
  }
}

/**
 * Returns the name of a database migrated to the latest schema, built only when the
 * migrations changed since the last run on this server. An advisory lock makes two runs
 * that start together (two apps, two terminals) build it once.
 */
export async function ensureTemplateDatabase(
  adminUrl: string,
  spec: TemplateSpec,
): Promise<string> {
  const name = `${spec.baseName}_tpl_${spec.fingerprint}`;
  return withClient(adminUrl, async (client) => {
    // A session's lock: it goes when withClient closes the connection, whatever happened.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [spec.baseName]);
    if (!(await isReadyTemplate(client, name))) {
      await build(client, adminUrl, name, spec);
      await dropStaleTemplates(client, spec, name);
    }
    return name;
  });
}
