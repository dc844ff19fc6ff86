import { DataSource } from 'typeorm';
import { migrations } from './migrations';

/**
 * Brings the database at `url` to the latest schema with the app's own migrations, on a
 * connection of its own that it closes. The server runs it on start; the test harness runs
 * it once to build the template database every test file is cloned from.
 */
export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, poolSize: 1 });
  await dataSource.initialize();
  try {
    // In one transaction, TypeORM's default: a migration that fails leaves none of them applied.
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
