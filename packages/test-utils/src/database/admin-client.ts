import pg from 'pg';

/** Opens one connection for a short piece of admin work and always closes it. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every prefix the harness lists by is one of its own names' (`<base>_tpl_`, `<base>_<run>_`),
 * and what it lists it drops. An empty or bare prefix, from a bug or a careless edit, would list
 * every database on the server, `postgres` included: refused before the query.
 */
export async function databasesStartingWith(client: pg.Client, prefix: string): Promise<string[]> {
  if (!/[^_]_$/.test(prefix)) {
    throw new Error(
      `Refusing to list databases by the prefix "${prefix}": the harness drops what it lists, ` +
        'so a prefix must be one of its names, ending in "_" (such as "my_app_test_tpl_").',
    );
  }
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
    [prefix],
  );
  return rows.map((row) => row.datname);
}

/** How PostgreSQL 15+ copies a template; undefined keeps the server's default. */
export type CloneStrategy = 'FILE_COPY' | 'WAL_LOG';

export async function createDatabase(
  client: pg.Client,
  name: string,
  template?: { name: string; strategy?: CloneStrategy | undefined },
) {
  const from = template ? ` TEMPLATE ${quoteIdentifier(template.name)}` : '';
  const strategy = template?.strategy ? ` STRATEGY ${template.strategy}` : '';
  await client.query(`CREATE DATABASE ${quoteIdentifier(name)}${from}${strategy}`);
}

/** Templates too; FORCE ends the sessions still open on it (an app's pool left open). */
export async function dropDatabase(client: pg.Client, name: string) {
  const { rows } = await client.query<{ datistemplate: boolean }>(
    'SELECT datistemplate FROM pg_database WHERE datname = $1',
    [name],
  );
  if (rows[0]?.datistemplate) {
    await client.query(`ALTER DATABASE ${quoteIdentifier(name)} IS_TEMPLATE false`);
  }
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}
