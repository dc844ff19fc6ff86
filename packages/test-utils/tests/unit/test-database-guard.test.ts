// Unit tests: pure functions, no database. The guard that keeps test set-up off real data.
import { assertTestDatabaseUrl, isTestDatabaseName } from '../../src';

describe('isTestDatabaseName', () => {
  it.each(['test', 'app_test', 'test_app', 'app-test-2', 'tests', 'APP_TEST'])(
    'accepts %s',
    (name) => {
      expect(isTestDatabaseName(name)).toBe(true);
    },
  );

  it.each(['app', 'testbed', 'latest', 'contest_db', 'production'])('refuses %s', (name) => {
    expect(isTestDatabaseName(name)).toBe(false);
  });
});

describe('assertTestDatabaseUrl', () => {
  it('says which variable to fix, how, and never prints the password', () => {
    const check = () =>
      assertTestDatabaseUrl('postgres://me:s3cret@db.internal:5432/shop', 'DATABASE_URL');

    expect(check).toThrow(/"shop" \(DATABASE_URL=postgres:\/\/me:\*\*\*@db\.internal:5432\/shop\)/);
    expect(check).toThrow(/creates and drops databases on that server, so the name must mark it/);
    expect(check).toThrow(/createdb shop_test/);
    expect(check).not.toThrow(/s3cret/);
  });

  it('lets a test database through', () => {
    expect(() =>
      assertTestDatabaseUrl('postgres://localhost/shop_test', 'TEST_DATABASE_URL'),
    ).not.toThrow();
  });

  it('refuses a URL that names no database', () => {
    expect(() => assertTestDatabaseUrl('postgres://localhost', 'TEST_DATABASE_URL')).toThrow(
      /names no database/,
    );
  });
});
