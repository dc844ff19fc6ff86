// Repository suite (2 of 4 kinds): the migrations themselves. The template every test file
// is cloned from was built by them; here this file's own database is emptied and migrated
// again by the app's migrator. Drizzle's migrations have no `down`: where the Express app
// undoes its migrations, this file drops the schema instead. See docs/fastify-api.md.
import { testDatabase } from '@testbed/test-utils';
import pg from 'pg';
import { migrate } from '../../../src/db/migrate';

const { url } = testDatabase();
let client: pg.Client;

async function tables(): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

async function applied(): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations',
  );
  return rows[0]?.count ?? 0;
}

// The two apps' columns agree, so a value one stores the other stores too.
const CLIENT_IP_TYPE =
  "SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'login_attempts' AND column_name = 'client_ip'";

beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe('migrations', () => {
  it('have built every table of the app', async () => {
    expect(await tables()).toEqual(['email_verifications', 'login_attempts', 'users']);
  });

  it('can all be applied again by migrate() on an emptied database', async () => {
    await client.query(
      'DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA drizzle CASCADE',
    );
    expect(await tables()).toEqual([]);

    await migrate(url);

    expect(await tables()).toEqual(['email_verifications', 'login_attempts', 'users']);
  });

  it('store the client address as text, as the other app does', async () => {
    const { rows } = await client.query<{ type: string }>(CLIENT_IP_TYPE);

    expect(rows).toEqual([{ type: 'text' }]);
  });

  it('leave nothing to do when run again', async () => {
    const before = await applied();

    await migrate(url);

    expect(await applied()).toBe(before);
  });
});
