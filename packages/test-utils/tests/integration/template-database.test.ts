// Test environment, step 0: the template every test file's database is cloned from, built once
// per change of the migrations, whatever the migrator leaves behind and however many runs start
// at once. This file's own database plays the server. See docs/test-database.md.
import pg from 'pg';
import { testDatabase } from '../../src';
import { databasesStartingWith, dropDatabase, withClient } from '../../src/database/admin-client';
import { ensureTemplateDatabase } from '../../src/database/template-database';
import { createTestDatabase, runPrefixes } from '../../src/database/test-database-server';
import { migrate } from '../fixtures/sql-migrations';
import { query } from '../fixtures/sql';

let specCount = 0;
// A base name per test, so tests share no template.
const templateSpec = (migrator: (url: string) => Promise<void> = migrate) => ({
  baseName: `tpl_spec_test_${++specCount}`,
  fingerprint: 'v1',
  migrate: jest.fn(migrator),
});

afterEach(async () => {
  await withClient(testDatabase().url, async (client) => {
    for (const name of await databasesStartingWith(client, 'tpl_spec_test_'))
      await dropDatabase(client, name);
  });
});

describe('ensureTemplateDatabase', () => {
  it('ends the sessions a migrator left open, so test databases can be cloned from it', async () => {
    const leftOpen: pg.Client[] = [];
    const spec = templateSpec(async (url) => {
      await migrate(url);
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      leftOpen.push(client);
    });
    const adminUrl = testDatabase().url;

    const template = await ensureTemplateDatabase(adminUrl, spec);
    const database = await createTestDatabase({
      adminUrl,
      template,
      ...runPrefixes(spec.baseName),
    });
    await Promise.all(leftOpen.map((client) => client.end()));

    expect(await query(database.url, "SELECT to_regclass('users') AS users")).toEqual([
      { users: 'users' },
    ]);
  });

  it('builds the template once when two runs start together', async () => {
    const spec = templateSpec();

    const names = await Promise.all([
      ensureTemplateDatabase(testDatabase().url, spec),
      ensureTemplateDatabase(testDatabase().url, spec),
    ]);

    expect(spec.migrate).toHaveBeenCalledTimes(1);
    expect(names).toEqual([`${spec.baseName}_tpl_v1`, `${spec.baseName}_tpl_v1`]);
  });
});
