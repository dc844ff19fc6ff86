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

/** Each index as its table and columns, whatever its name. */
async function indexes(): Promise<string[]> {
  const rows = await dataSource.query<{ index: string }[]>(`
    SELECT format('%s (%s)', tablename, substring(indexdef from '\\(([^)]*)\\)$')) AS index
      FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`);
  return rows.map((row) => row.index);
}

/**
 * Every column, index and constraint of the app's tables, one line each: two databases with
 * the same schema give the same lines. The migrations' own bookkeeping table is left out.
 */
async function schema(): Promise<string[]> {
  const rows = await dataSource.query<{ line: string }[]>(`
    SELECT format('column %s.%s %s(%s) null:%s default:%s', table_name, column_name, data_type,
                  character_maximum_length, is_nullable, column_default) AS line
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'migrations'
    UNION ALL
    SELECT format('index %s', indexdef) FROM pg_indexes
     WHERE schemaname = 'public' AND tablename <> 'migrations'
    UNION ALL
    SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'migrations'
    ORDER BY 1`);
  return rows.map((row) => row.line);
}

/** This database's connections other than this file's own, once the count settles. */
async function otherConnections(): Promise<number> {
  const count = async () => {
    const [row] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return row?.n ?? 0;
  };
  // A closed connection's server process ends a moment after the client hangs up.
  const deadline = Date.now() + 2000;
  let n = await count();
  while (n > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    n = await count();
  }
  return n;
}

/** Applies the first `count` migrations that are not applied yet. */
async function runFirstMigrations(count: number): Promise<void> {
  const first = new DataSource({ type: 'postgres', url, migrations: migrations.slice(0, count) });
  await first.initialize();
  try {
    await first.runMigrations();
  } finally {
    await first.destroy();
  }
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

  it("have built the indexes the app's queries and constraints use", async () => {
    expect(await indexes()).toEqual([
      'email_verifications (id)',
      'email_verifications (token_hash)',
      // A user's records, deleted with the user and counted.
      'email_verifications (user_id)',
      // The throttle: failures per email and client, per client, and pruning by age.
      'login_attempts (attempted_at)',
      'login_attempts (client_ip, attempted_at)',
      'login_attempts (email, client_ip, attempted_at)',
      'login_attempts (id)',
      // The user list's keyset pages.
      'users (created_at, id)',
      'users (email)',
      'users (id)',
    ]);
  });

  it('can each be undone, each undo changing the schema, and migrate() then rebuilds exactly the schema they built', async () => {
    const built = await schema();
    for (const migration of [...migrations].reverse()) {
      const before = await schema();
      await dataSource.undoLastMigration();
      expect(await applied()).not.toContain(migration.name);
      expect(await schema()).not.toEqual(before);
    }
    expect(await tables()).toEqual([]);

    await migrate(url);

    expect(await schema()).toEqual(built);
  });

  it('can each be undone to exactly the schema there was before it', async () => {
    for (const migration of [...migrations].reverse()) {
      await dataSource.undoLastMigration();
      expect(await applied()).not.toContain(migration.name);
    }
    // Up one migration at a time, noting the schema after each.
    const afterFirst = [await schema()];
    for (let count = 1; count <= migrations.length; count += 1) {
      await runFirstMigrations(count);
      afterFirst.push(await schema());
    }

    for (let count = migrations.length - 1; count >= 0; count -= 1) {
      await dataSource.undoLastMigration();
      expect(await schema()).toEqual(afterFirst[count]);
    }
    await migrate(url);
  });

  it('leave no connection of their own open after migrate()', async () => {
    await migrate(url);

    expect(await otherConnections()).toBe(0);
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
