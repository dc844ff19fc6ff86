// Debugging a failure: with TESTBED_KEEP_FAILED_DB=1, a test file that fails keeps its
// database, and the run prints how to open it. A small Jest project with a failing and a
// passing test file (tests/fixtures/failing-suite) runs in a child process, with this file's
// database as its server.
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { testDatabase } from '../../src';
import { databasesStartingWith, dropDatabase, withClient } from '../../src/database/admin-client';
import { baseNameFor } from '../../src/database/test-database-server';
import { query } from '../fixtures/sql';

const keepFailed = () => ({
  ...process.env,
  TEST_DATABASE_URL: testDatabase().url,
  TESTBED_KEEP_FAILED_DB: '1',
  // A mutation run sets it for its own workers; the child run is an ordinary one.
  TESTBED_REUSE_HARNESS: undefined,
});

const runFailingSuite = () =>
  spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--config',
      join(__dirname, '../fixtures/failing-suite/jest.config.js'),
    ],
    { env: keepFailed(), encoding: 'utf8' },
  );

// The same under Vitest, through its entry (src/vitest).
const runFailingVitestSuite = () =>
  spawnSync(
    process.execPath,
    [
      join(require.resolve('vitest/package.json'), '../vitest.mjs'),
      'run',
      '--config',
      'vitest.config.ts',
    ],
    {
      cwd: join(__dirname, '../fixtures/failing-vitest-suite'),
      env: keepFailed(),
      encoding: 'utf8',
    },
  );

const childDatabases = (appName: string) =>
  withClient(testDatabase().url, (client) =>
    databasesStartingWith(client, `${baseNameFor(testDatabase().url, appName)}_`),
  );

afterAll(async () => {
  await withClient(testDatabase().url, async (client) => {
    for (const app of ['failing-suite', 'failing-vitest-suite']) {
      for (const name of await childDatabases(app)) await dropDatabase(client, name);
    }
  });
});

// Each test starts processes of its own (a server, a Jest run): about a second alone, more
// on a busy machine, so they get more than Jest's default 5 s.
jest.setTimeout(30_000);

describe('TESTBED_KEEP_FAILED_DB', () => {
  it('keeps the database of a failed test file only, with its rows, and prints how to open it', async () => {
    const run = runFailingSuite();

    const kept = [...run.stderr.matchAll(/Kept the database of (\S+):\n\s+psql (\S+)/g)];
    expect(run.status).toBe(1);
    expect(kept.map(([, file]) => basename(file ?? ''))).toEqual(['writes-then-fails.spec.ts']);
    expect(await query(kept[0]?.[2] ?? '', 'SELECT name FROM users')).toEqual([{ name: 'Kept' }]);
    expect(run.stderr).toContain('Databases of failed test files, kept for you');
    const left = (await childDatabases('failing-suite')).filter((name) => !name.includes('_tpl_'));
    expect(left).toEqual([expect.stringContaining('_kept_')]);
  });

  it('does the same under Vitest', async () => {
    const run = runFailingVitestSuite();

    const kept = [...run.stderr.matchAll(/Kept the database of (\S+):\n\s+psql (\S+)/g)];
    expect(run.status).toBe(1);
    expect(kept.map(([, file]) => basename(file ?? ''))).toEqual(['writes-then-fails.spec.ts']);
    expect(await query(kept[0]?.[2] ?? '', 'SELECT name FROM users')).toEqual([{ name: 'Kept' }]);
    expect(run.stderr).toContain('Databases of failed test files, kept for you');
    const left = (await childDatabases('failing-vitest-suite')).filter(
      (name) => !name.includes('_tpl_'),
    );
    expect(left).toEqual([expect.stringContaining('_kept_')]);
  });
});
