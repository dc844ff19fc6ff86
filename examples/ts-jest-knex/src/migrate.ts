import knex from 'knex';
import { migrationsFolder } from './db';

// #region migrate
/** Runs Knex's migrations on the database at `url`, then closes the pool. */
export async function migrate(url: string): Promise<void> {
  const connection = knex({
    client: 'pg',
    connection: url,
    migrations: { directory: migrationsFolder },
  });
  try {
    await connection.migrate.latest();
  } finally {
    await connection.destroy();
  }
}
// #endregion
