import { withDatabase } from '@testbed/test-utils';
import pg from 'pg';

/** One empty database per app on the server, by plain SQL; each app migrates its own. */
export async function createDatabases(serverUrl: string, names: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return names.map((name) => withDatabase(serverUrl, name));
}
