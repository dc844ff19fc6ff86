import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as runMigrations } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// The same folder from src/db (tests, tsx) and from dist/db (the built server).
export const migrationsFolder = resolve(__dirname, '../../src/db/migrations');

/** Applies the drizzle-kit migrations not yet applied, on a connection of its own. */
export async function migrate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await runMigrations(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
