// Unit tests: building the URLs of the databases the harness creates.
import { databaseNameOf, withDatabase } from '../../src';

describe('withDatabase', () => {
  it('keeps user, password, host, port and options, and swaps only the database', () => {
    const url = withDatabase(
      'postgres://me:pw@127.0.0.1:5433/app_test?sslmode=disable',
      'app_test_1',
    );

    expect(url).toBe('postgres://me:pw@127.0.0.1:5433/app_test_1?sslmode=disable');
  });

  it('round-trips a name that needs escaping', () => {
    expect(databaseNameOf(withDatabase('postgres://localhost/x', 'my test'))).toBe('my test');
  });
});
