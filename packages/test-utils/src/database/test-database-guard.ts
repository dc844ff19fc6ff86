import { databaseNameOf, redactPassword } from './connection-url';

// "test" as a whole word of the name: app_test, test-app, tests.main; not "testbed" or "latest".
const TEST_DATABASE_NAME = /(^|[^a-z0-9])tests?([^a-z0-9]|$)/i;

export function isTestDatabaseName(name: string): boolean {
  return TEST_DATABASE_NAME.test(name);
}

/**
 * The harness creates and drops databases beside the one it is pointed at. Pointing it at
 * a development or production server by mistake must fail loudly, before anything is touched.
 */
export function assertTestDatabaseUrl(url: string, variable: string): void {
  const name = databaseNameOf(url);
  if (isTestDatabaseName(name)) return;
  throw new Error(
    `Refusing to run test set-up against database "${name}" (${variable}=${redactPassword(url)}): ` +
      `the harness creates and drops databases on that server, so the name must mark it as a ` +
      `test database. Create one whose name has "test" as a word, such as "${name}_test" ` +
      `(createdb ${name}_test), and point ${variable} at it.`,
  );
}
