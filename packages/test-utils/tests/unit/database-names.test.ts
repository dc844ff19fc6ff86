// Unit tests, no database: the names the harness gives its databases, which say whose they are
// (the app, the run) and stay within PostgreSQL's 63 bytes. See docs/test-database.md.
import { baseNameFor, runPrefixes } from '../../src/database/test-database-server';

describe('baseNameFor', () => {
  it('is <app>_test on the embedded server, the app name made an identifier', () => {
    expect(baseNameFor(undefined, 'My-API')).toBe('my_api_test');
  });

  it('is <database>_<app> on a shared server, beside the database the URL names', () => {
    expect(baseNameFor('postgres://localhost/shop_test', 'express-api')).toBe('shop_test_express_api');
  });
});

describe('runPrefixes', () => {
  it("names a run's databases and its kept ones with the same six-character run id", () => {
    const { runPrefix, keptPrefix } = runPrefixes('app_test');

    expect(runPrefix).toMatch(/^app_test_[0-9a-f]{6}_$/);
    expect(keptPrefix).toBe(runPrefix.replace(/^app_test_/, 'app_test_kept_'));
  });
});
