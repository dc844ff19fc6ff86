import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const migrationsFolder = join(import.meta.dirname, 'migrations');

/** Applies the SQL files not yet applied, in name order, and closes its connection. */
export async function migrate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY)');
    const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.name));
    for (const file of readdirSync(migrationsFolder).sort()) {
      if (applied.has(file)) continue;
      await client.query(readFileSync(join(migrationsFolder, file), 'utf8'));
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    }
  } finally {
    await client.end();
  }
}
