// Debugging a failure: with TESTBED_KEEP_FAILED_DB=1, a test file that fails keeps its
// database, and the run prints how to open it. A small Jest project with one failing test
// (tests/fixtures/failing-suite) runs in a child process, on this file's database as server.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { testDatabase } from '../../src';
import { databasesStartingWith, dropDatabase, withClient } from '../../src/database/admin-client';
import { baseNameFor } from '../../src/database/test-database-server';
import { query } from '../fixtures/sql';

const runFailingSuite = (keep: string) =>
  spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--config',
      join(__dirname, '../fixtures/failing-suite/jest.config.js'),
    ],
    {
      env: { ...process.env, TEST_DATABASE_URL: testDatabase().url, TESTBED_KEEP_FAILED_DB: keep },
      encoding: 'utf8',
    },
  );

const childDatabases = () =>
  withClient(testDatabase().url, (client) =>
    databasesStartingWith(client, `${baseNameFor(testDatabase().url, 'failing-suite')}_`),
  );

// Each test starts with none of the child run's databases, kept ones included.
afterEach(async () => {
  await withClient(testDatabase().url, async (client) => {
    for (const name of await childDatabases()) await dropDatabase(client, name);
  });
});

describe('TESTBED_KEEP_FAILED_DB', () => {
  it('keeps the database of a failed test file, with its rows, and prints how to open it', async () => {
    const run = runFailingSuite('1');

    const keptUrl = /Kept the database of .*writes-then-fails\.spec\.ts:\n\s+psql (\S+)/.exec(
      run.stderr,
    )?.[1];
    expect(run.status).toBe(1);
    expect(keptUrl).toBeDefined();
    expect(await query(keptUrl ?? '', 'SELECT name FROM users')).toEqual([{ name: 'Kept' }]);
    expect(run.stderr).toContain('Databases of failed test files, kept for you');
  });

  it('drops the database of a failed test file when not set', async () => {
    const run = runFailingSuite('');

    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('Kept the database');
    expect((await childDatabases()).filter((name) => !name.includes('_tpl_'))).toEqual([]);
  });
});
