// Test environment: TESTBED_REUSE_HARNESS=1 keeps the server and template from one Jest run to
// the next in the same process, as a mutation tester's worker runs Jest once per mutant
// (docs/mutation-testing.md). This file's own database plays the external server.
import { createGlobalSetup, testDatabase } from '../../src';
import { readServerHandle } from '../../src/config';
import { databasesStartingWith, dropDatabase, withClient } from '../../src/database/admin-client';
import { baseNameFor } from '../../src/database/test-database-server';
import { stopHarness } from '../../src/jest/global-setup';
import { migrate } from '../fixtures/sql-migrations';

const APP = 'reused';
const saved = { ...process.env };

beforeEach(() => {
  // Jest copies the outer global's properties into each file's global: run in band, this file
  // would see (and stop) the run's own harness. The tests here start and stop their own.
  delete (globalThis as { testbedHarness?: unknown }).testbedHarness;
  process.env.TEST_DATABASE_URL = testDatabase().url;
  // Set by the mutation run that may be running this file; each test here says its own.
  delete process.env.TESTBED_REUSE_HARNESS;
});

afterEach(async () => {
  delete process.env.TESTBED_REUSE_HARNESS;
  await stopHarness();
  process.env = { ...saved };
  await withClient(testDatabase().url, async (client) => {
    const base = `${baseNameFor(testDatabase().url, APP)}_`;
    for (const name of await databasesStartingWith(client, base)) await dropDatabase(client, name);
  });
});

/** Two Jest runs in one process: set-up, tear-down, set-up again. */
async function twoRuns() {
  const migrations = jest.fn(migrate);
  const globalSetup = createGlobalSetup({ appName: APP, migrate: migrations, fingerprint: 'v1' });
  await globalSetup();
  const first = readServerHandle(process.env);
  await stopHarness();
  await globalSetup();
  return { first, second: readServerHandle(process.env), migrations };
}

describe('the harness between two Jest runs in one process', () => {
  it('is kept, run databases and all, with TESTBED_REUSE_HARNESS=1', async () => {
    process.env.TESTBED_REUSE_HARNESS = '1';

    const { first, second, migrations } = await twoRuns();

    expect(second).toEqual(first);
    expect(migrations).toHaveBeenCalledTimes(1);
  });

  it('is stopped by the tear-down otherwise, and the next run starts its own', async () => {
    const { first, second } = await twoRuns();

    expect(second.runPrefix).not.toBe(first.runPrefix);
    expect(second.template).toBe(first.template);
  });
});
