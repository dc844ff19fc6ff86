// Test environment, step 1: each test file gets a database of its own, cloned from the
// migrated template. See docs/test-database.md.
import { testDatabase } from '../../src';
import { readServerHandle } from '../../src/config';
import { query } from '../fixtures/sql';

describe('the test file database', () => {
  it('has every table of the migrations, already applied', async () => {
    const rows = await query<{ table_name: string }>(
      testDatabase().url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );

    expect(rows.map((row) => row.table_name)).toEqual([
      'email_verifications',
      'login_attempts',
      'schema_migrations',
      'users',
    ]);
  });

  it('is a clone of the template, named for this run, not the template itself', () => {
    const server = readServerHandle(process.env);

    expect(testDatabase().name).not.toBe(server.template);
    expect(testDatabase().name.startsWith(server.runPrefix)).toBe(true);
  });
});
