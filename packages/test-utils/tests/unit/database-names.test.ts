// Unit tests, no database: the names the harness gives its databases, which say whose they are
// (the app, the run) and stay within PostgreSQL's 63 bytes. See docs/test-database.md.
import { baseNameFor, runPrefixes } from '../../src/database/test-database-server';

describe('baseNameFor', () => {
  it('is <app>_test on the embedded server, the app name made an identifier', () => {
    expect(baseNameFor(undefined, 'My -- API')).toBe('my_api_test');
  });

  it('is <database>_<app> on a shared server, beside the database the URL names', () => {
    expect(baseNameFor('postgres://localhost/shop_test', 'express-api')).toBe(
      'shop_test_express_api',
    );
  });
});

describe('baseNameFor a long name', () => {
  const url = 'postgres://localhost/shop_test';

  it('keeps a name of 32 characters whole', () => {
    expect(baseNameFor(url, 'a'.repeat(22))).toBe(`shop_test_${'a'.repeat(22)}`);
  });

  it('cuts a longer one to 32, with a hash of the whole so that two such names still differ', () => {
    const long = baseNameFor(url, `${'a'.repeat(22)}1`);
    const other = baseNameFor(url, `${'a'.repeat(22)}2`);

    expect(long).toMatch(new RegExp(`^shop_test_${'a'.repeat(13)}_[0-9a-f]{8}$`));
    expect(other).toMatch(new RegExp(`^shop_test_${'a'.repeat(13)}_[0-9a-f]{8}$`));
    expect(other).not.toBe(long);
  });
});

describe('runPrefixes', () => {
  it("names a run's databases and its kept ones with the same six-character run id", () => {
    const { runPrefix, keptPrefix } = runPrefixes('app_test');

    expect(runPrefix).toMatch(/^app_test_[0-9a-f]{6}_$/);
    expect(keptPrefix).toBe(runPrefix.replace(/^app_test_/, 'app_test_kept_'));
  });
});
