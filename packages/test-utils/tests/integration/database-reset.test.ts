// Isolation between tests: each reset strategy brings the database back to its migrated,
// empty state, whatever the app committed. See docs/test-database.md.
import { createDatabaseReset, useTestDatabase, type ResetStrategy } from '../../src';
import { useDatabaseReset } from '../../src/isolation/use-database-reset';
import { findFreePort } from '../../src/database/free-port';
import { countRows, query, writeSampleRows } from '../fixtures/sql';

const { url } = useTestDatabase();
const strategies: ResetStrategy[] = ['delete', 'truncate'];

const nextAttemptId = async () =>
  (
    await query<{ id: string }>(
      url,
      "INSERT INTO login_attempts (email, client) VALUES ('a', 'b') RETURNING id",
    )
  )[0]?.id;

describe.each(strategies)('the %s reset', (strategy) => {
  it('empties every table the test wrote to, children and parents alike', async () => {
    const database = await createDatabaseReset(url, { strategy });
    await writeSampleRows(url);

    await database.reset();
    await database.close();

    expect(await countRows(url, 'users')).toBe(0);
    expect(await countRows(url, 'email_verifications')).toBe(0);
    expect(await countRows(url, 'login_attempts')).toBe(0);
  });

  it('keeps the migration bookkeeping and the tables it is told to preserve', async () => {
    const database = await createDatabaseReset(url, { strategy, preserve: ['login_attempts'] });
    await writeSampleRows(url);

    await database.reset();
    await database.close();

    expect(await countRows(url, 'schema_migrations')).toBe(2);
    expect(await countRows(url, 'login_attempts')).toBeGreaterThan(0);
    expect(await countRows(url, 'users')).toBe(0);
  });

  it("keeps the rows of other migrators' bookkeeping: Sequelize's and Knex's lock", async () => {
    await query(url, 'CREATE TABLE IF NOT EXISTS "SequelizeMeta" (name text PRIMARY KEY)');
    await query(url, 'CREATE TABLE IF NOT EXISTS knex_migrations_lock (is_locked integer)');
    await query(
      url,
      `INSERT INTO "SequelizeMeta" VALUES ('20260101-users.js') ON CONFLICT DO NOTHING`,
    );
    await query(url, 'INSERT INTO knex_migrations_lock VALUES (0)');
    const database = await createDatabaseReset(url, { strategy });

    await database.reset();
    await database.close();

    expect(await countRows(url, '"SequelizeMeta"')).toBe(1);
    expect(await countRows(url, 'knex_migrations_lock')).toBeGreaterThan(0);
  });

  it('keeps the tables matched by a pattern it is given', async () => {
    const database = await createDatabaseReset(url, { strategy, preserve: [/^login_/] });
    await writeSampleRows(url);

    await database.reset();
    await database.close();

    expect(await countRows(url, 'login_attempts')).toBeGreaterThan(0);
    expect(await countRows(url, 'users')).toBe(0);
  });

  it('keeps a table whose own name has a dot in it when told to preserve that name', async () => {
    await query(url, 'CREATE TABLE IF NOT EXISTS "audit.log" (entry text)');
    await query(url, `INSERT INTO "audit.log" VALUES ('kept')`);
    const database = await createDatabaseReset(url, { strategy, preserve: ['audit.log'] });

    await database.reset();
    await database.close();

    expect(await countRows(url, '"audit.log"')).toBeGreaterThan(0);
  });

  it('succeeds and empties nothing when every table is preserved', async () => {
    const database = await createDatabaseReset(url, { strategy, preserve: [/./] });
    await writeSampleRows(url);

    const resetting = database.reset().finally(database.close);

    await expect(resetting).resolves.toBeUndefined();
    expect(await countRows(url, 'users')).toBe(2);
  });

  it('leaves the schema intact, so the next test can write at once', async () => {
    const database = await createDatabaseReset(url, { strategy });
    await writeSampleRows(url);

    await database.reset();
    await writeSampleRows(url);
    await database.reset();
    await database.close();

    expect(await countRows(url, 'users')).toBe(0);
  });
});

describe('createDatabaseReset', () => {
  it('empties with delete when given no strategy, so sequences keep counting', async () => {
    const database = await createDatabaseReset(url);
    const first = await nextAttemptId();

    await database.reset();
    const second = await nextAttemptId();
    await database.close();

    expect(Number(second)).toBeGreaterThan(Number(first));
  });

  it('connects to the database of the URL it is given', async () => {
    const port = await findFreePort();

    const creating = createDatabaseReset(`postgres://nobody@127.0.0.1:${port}/nowhere_test`);

    await expect(creating).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  // The server may end the connection between two tests (the database dropped, a restart):
  // the next reset then fails with the reason, where an 'error' event no one heard would
  // have crashed the runner.
  it('fails the next reset, not the process, when the server ends its connection', async () => {
    const backends = (): Promise<{ pid: number }[]> =>
      query(
        url,
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
    const before = new Set((await backends()).map(({ pid }) => pid));
    const database = await createDatabaseReset(url);
    const own = (await backends()).find(({ pid }) => !before.has(pid))?.pid;

    await query(url, 'SELECT pg_terminate_backend($1)', [own]);
    // Gone from the server's list, its last message has reached this process.
    while ((await backends()).some(({ pid }) => pid === own)) continue;

    await expect(database.reset()).rejects.toThrow(/not queryable/);
    await database.close();
  });

  it('closes its connection, after which a reset fails', async () => {
    const database = await createDatabaseReset(url);

    await database.close();

    await expect(database.reset()).rejects.toThrow(/not queryable/);
  });
});

describe('sequences after a reset', () => {
  it('restart with truncate', async () => {
    const database = await createDatabaseReset(url, { strategy: 'truncate' });
    await database.reset();
    const first = await nextAttemptId();

    await database.reset();
    const second = await nextAttemptId();
    await database.reset();
    await database.close();

    expect(second).toBe(first);
  });

  it('keep counting with delete', async () => {
    const database = await createDatabaseReset(url, { strategy: 'delete' });
    const first = await nextAttemptId();

    await database.reset();
    const second = await nextAttemptId();
    await database.reset();
    await database.close();

    expect(Number(second)).toBeGreaterThan(Number(first));
  });
});

describe('useDatabaseReset', () => {
  // The runner's hooks, recorded, so the test can play a file's life: beforeAll, then a
  // test's beforeEach, then afterAll.
  const recordHooks = () => {
    const hooks = new Map<string, () => Promise<void>>();
    const record = (name: string) => (fn: () => Promise<void>) => void hooks.set(name, fn);
    const run = (name: string) => hooks.get(name)?.() ?? Promise.reject(new Error(`no ${name}`));
    return {
      hooks: {
        beforeAll: record('beforeAll'),
        beforeEach: record('beforeEach'),
        afterAll: record('afterAll'),
      },
      run,
    };
  };

  it('empties the tables before each test as told, and closes its connection after all', async () => {
    const { hooks, run } = recordHooks();
    useDatabaseReset(url, hooks, { strategy: 'truncate' });
    await run('beforeAll');
    await writeSampleRows(url);

    await run('beforeEach');
    const afterReset = await countRows(url, 'users');
    const second = await nextAttemptId();
    await run('afterAll');

    expect(afterReset).toBe(0);
    // Truncated, as the options said: the sequence restarted.
    expect(second).toBe('1');
    await expect(run('beforeEach')).rejects.toThrow(/not queryable/);
  });
});
