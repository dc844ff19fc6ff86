// Unit tests: building the URLs of the databases the harness creates.
import { databaseNameOf, redactPassword, withDatabase } from '../../src';

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

describe('redactPassword', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactPassword('postgres://me:s3cret@db:5432/app_test')).toBe(
      'postgres://me:***@db:5432/app_test',
    );
  });

  it('leaves a URL without a password as it was', () => {
    expect(redactPassword('postgres://me@db:5432/app_test')).toBe('postgres://me@db:5432/app_test');
  });
});
