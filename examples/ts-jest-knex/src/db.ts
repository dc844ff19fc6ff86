import knex from 'knex';
import { join } from 'node:path';

export const migrationsFolder = join(__dirname, 'migrations');

// A module-level connection read from the environment, as many apps have: the tests set
// DATABASE_URL before anything imports this file (tests/use-test-database.ts).
export const db = knex({
  client: 'pg',
  // eslint-disable-next-line no-restricted-properties -- the very pattern this example shows
  connection: process.env.DATABASE_URL,
  migrations: { directory: migrationsFolder },
});
