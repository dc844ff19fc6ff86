// Repository suite (2 of 4 kinds): the migrations themselves. The template every test file
// is cloned from was built by them; here they are undone and redone on this file's own
// database, so a broken `down` is found before anyone needs it. See docs/express-api.md.
import { testDatabase } from '@testbed/test-utils';
import { DataSource } from 'typeorm';
import { migrations } from '../../../src/db/migrations';
import { migrate } from '../../../src/db/migrate';

const { url } = testDatabase();
let dataSource: DataSource;

async function tables(): Promise<string[]> {
  const rows = await dataSource.query<{ name: string }[]>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

async function applied(): Promise<string[]> {
  const rows = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
  return rows.map((row) => row.name);
}

// The two apps' columns agree, so a value one stores the other stores too.
const CLIENT_IP_TYPE =
  "SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'login_attempts' AND column_name = 'client_ip'";

beforeAll(async () => {
  dataSource = await new DataSource({
    type: 'postgres',
    url,
    migrations,
    poolSize: 1,
  }).initialize();
});

afterAll(async () => {
  await dataSource.destroy();
});

describe('migrations', () => {
  it('have built every table of the app', async () => {
    expect(await tables()).toEqual(['email_verifications', 'login_attempts', 'users']);
  });

  it('can all be undone, then applied again by migrate()', async () => {
    for (const migration of [...migrations].reverse()) {
      await dataSource.undoLastMigration();
      expect(await applied()).not.toContain(migration.name);
    }
    expect(await tables()).toEqual([]);

    await migrate(url);

    expect(await tables()).toEqual(['email_verifications', 'login_attempts', 'users']);
  });

  it('store the client address as text, as the other app does', async () => {
    const rows = await dataSource.query<{ type: string }[]>(CLIENT_IP_TYPE);

    expect(rows).toEqual([{ type: 'text' }]);
  });

  it('leave nothing to do when run again', async () => {
    await migrate(url);

    expect(await dataSource.showMigrations()).toBe(false);
  });
});
