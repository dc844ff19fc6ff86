// Test environment on an external server (TEST_DATABASE_URL): the template is built only when
// the migrations change, a run drops exactly its own databases, and a non-test database is
// refused before anything is touched. This file's own database plays the external server.
import childProcess from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startHarness, testDatabase, withDatabase } from '../../src';
import { readServerHandle } from '../../src/config';
import { databasesStartingWith, dropDatabase, withClient } from '../../src/database/admin-client';
import { findFreePort } from '../../src/database/free-port';
import { baseNameFor, createTestDatabase } from '../../src/database/test-database-server';
import { migrate } from '../fixtures/sql-migrations';
import { query } from '../fixtures/sql';

// Whether a process ends within a few seconds: gone, or a zombie its new parent has yet to reap.
async function endsSoon(pid: number): Promise<boolean> {
  const running = () => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  for (const deadline = Date.now() + 5_000; running();) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

const externalServer = () => ({ url: testDatabase().url, variable: 'TEST_DATABASE_URL' });
const databaseNames = async (prefix: string) =>
  (
    await query<{ datname: string }>(
      testDatabase().url,
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    )
  ).map((row) => row.datname);

let appCount = 0;
// A new app name per test, so tests share no template.
const harnessOptions = (fingerprint = 'v1') => ({
  appName: `app${++appCount}`,
  migrate: jest.fn(migrate),
  fingerprint,
  externalServer: externalServer(),
});

// Templates outlive a harness on purpose (the next run reuses them): these tests remove theirs.
afterAll(async () => {
  await withClient(testDatabase().url, async (client) => {
    for (let app = 1; app <= appCount; app += 1) {
      const base = `${baseNameFor(testDatabase().url, `app${app}`)}_`;
      for (const name of await databasesStartingWith(client, base))
        await dropDatabase(client, name);
    }
  });
});

describe('databasesStartingWith, whose list the harness drops', () => {
  it.each(['', '_', 'app_test'])(
    'refuses the prefix %j, which is not one of the harness names and would reach other databases',
    async (prefix) => {
      const listing = withClient(testDatabase().url, (client) =>
        databasesStartingWith(client, prefix),
      );

      await expect(listing).rejects.toThrow(
        `Refusing to list databases by the prefix "${prefix}": the harness drops what it lists, ` +
          'so a prefix must be one of its names, ending in "_"',
      );
    },
  );

  it('lists the databases that begin with a harness prefix, and no other', async () => {
    const base = `${baseNameFor(testDatabase().url, `app${++appCount}`)}_`;
    // Begins like the prefix but for its last "_": the afterAll's prefix misses it, so dropped here.
    const neighbour = `${base.slice(0, -1)}x`;
    await withClient(testDatabase().url, async (client) => {
      await client.query(`CREATE DATABASE "${base}one"`);
      await client.query(`CREATE DATABASE "${neighbour}"`);
    });

    const listed = await withClient(testDatabase().url, async (client) => {
      const names = await databasesStartingWith(client, base);
      await dropDatabase(client, neighbour);
      return names;
    });

    expect(listed).toEqual([`${base}one`]);
  });
});

describe('startHarness on an external server', () => {
  it('refuses a database whose name does not mark it as a test database, before touching it', async () => {
    const options = {
      ...harnessOptions(),
      externalServer: { url: withDatabase(testDatabase().url, 'shop'), variable: 'DATABASE_URL' },
    };

    await expect(startHarness(options)).rejects.toThrow(
      /Refusing to run test set-up against database "shop" \(DATABASE_URL=.*\).*such as "shop_test"/s,
    );
    expect(options.migrate).not.toHaveBeenCalled();
  });

  it('says it cannot reach a server that is not there, without its password, before touching it', async () => {
    const port = await findFreePort();
    const url = `postgres://me:s3cret@127.0.0.1:${port}/app_test`;
    const options = { ...harnessOptions(), externalServer: { url, variable: 'TEST_DATABASE_URL' } };

    const starting = startHarness(options);

    await expect(starting).rejects.toThrow(
      `Cannot reach the test database server named by TEST_DATABASE_URL (postgres://me:***@127.0.0.1:${port}/app_test): ` +
        `connect ECONNREFUSED 127.0.0.1:${port}. Start it, fix TEST_DATABASE_URL, or unset it to use the embedded server.`,
    );
    await expect(starting).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    expect(options.migrate).not.toHaveBeenCalled();
  });

  it("has a watchdog drop the run's databases if the run is killed", async () => {
    const spawnSync = jest.spyOn(childProcess, 'spawnSync');

    const harness = await startHarness(harnessOptions());
    await harness.stop();

    expect(spawnSync).toHaveBeenCalledWith(
      process.execPath,
      [expect.stringMatching(/reap-orphans\.cjs$/)],
      expect.objectContaining({
        env: expect.objectContaining({
          REAPER_ADMIN_URL: harness.server.adminUrl,
          REAPER_PREFIX: harness.server.runPrefix,
        }) as unknown,
      }),
    );
  });

  it('dismisses its watchdog and says why when the template cannot be built', async () => {
    const spawnSync = jest.spyOn(childProcess, 'spawnSync');
    const broken = () => Promise.reject(new Error('syntax error in 0002'));

    await expect(startHarness({ ...harnessOptions(), migrate: broken })).rejects.toThrow(
      'syntax error in 0002',
    );

    // The launcher prints the watchdog's pid.
    const launched = spawnSync.mock.results[0]?.value as childProcess.SpawnSyncReturns<string>;
    expect(await endsSoon(Number(launched.stdout))).toBe(true);
  });

  it('builds the template once and reuses it while the migrations are unchanged', async () => {
    const options = harnessOptions();

    const first = await startHarness(options);
    await first.stop();
    const second = await startHarness(options);
    await second.stop();

    expect(options.migrate).toHaveBeenCalledTimes(1);
    expect(second.server.template).toBe(first.server.template);
  });

  it('rebuilds the template when the migrations change, and drops the old one', async () => {
    const options = harnessOptions('v1');
    const before = await startHarness(options);
    await before.stop();

    const after = await startHarness({ ...options, fingerprint: 'v2' });
    await after.stop();

    expect(options.migrate).toHaveBeenCalledTimes(2);
    const templates = await databaseNames(before.server.template.replace(/_tpl_.*/, '_tpl_'));
    expect(templates).toEqual([after.server.template]);
  });

  it('rebuilds a template that a killed run left half-built', async () => {
    const options = harnessOptions();
    const { server } = await startHarness(options);
    await query(server.adminUrl, `ALTER DATABASE "${server.template}" IS_TEMPLATE false`);

    const next = await startHarness(options);
    await next.stop();

    expect(options.migrate).toHaveBeenCalledTimes(2);
  });

  it("builds a template of each other app's schema, which the run's databases are cloned from and dropped with", async () => {
    const other = { appName: `app${++appCount}`, migrate: jest.fn(migrate), fingerprint: 'v1' };
    const harness = await startHarness({ ...harnessOptions(), otherApps: [other] });
    const otherTemplate = harness.server.otherTemplates?.[other.appName] ?? '';
    const database = await createTestDatabase({ ...harness.server, template: otherTemplate });
    const tables = await query(database.url, "SELECT to_regclass('users') AS users");

    await harness.stop();

    expect(other.migrate).toHaveBeenCalledTimes(1);
    expect(otherTemplate).toMatch(
      new RegExp(`^${baseNameFor(testDatabase().url, other.appName)}_tpl_v1$`),
    );
    expect(tables).toEqual([{ users: 'users' }]);
    expect(await databaseNames(harness.server.runPrefix)).toEqual([]);
  });

  it('drops every database the run created when it stops', async () => {
    const harness = await startHarness(harnessOptions());
    await createTestDatabase(harness.server);
    await createTestDatabase(harness.server);

    const { kept } = await harness.stop();

    expect(kept).toEqual([]);
    expect(await databaseNames(harness.server.runPrefix)).toEqual([]);
  });

  it('keeps a failed database under a name the stop leaves alone, and says where', async () => {
    const harness = await startHarness(harnessOptions());
    const database = await createTestDatabase(harness.server);
    await query(
      database.url,
      "INSERT INTO users (name, email, password_hash) VALUES ('Ada', 'ada@example.test', 'x')",
    );

    const keptUrl = await database.keep();
    const { kept } = await harness.stop();

    expect(kept).toEqual([keptUrl]);
    expect(await query(keptUrl, 'SELECT name FROM users')).toEqual([{ name: 'Ada' }]);
  });
});

describe('the server handed to workers', () => {
  it('names a template that nobody can connect to by mistake', async () => {
    const { adminUrl, template } = readServerHandle(process.env);

    const [row] = await query(
      adminUrl,
      'SELECT datistemplate, datallowconn FROM pg_database WHERE datname = $1',
      [template],
    );

    expect(row).toEqual({ datistemplate: true, datallowconn: false });
  });
});
