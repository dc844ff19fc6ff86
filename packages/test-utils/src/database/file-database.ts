/**
 * The global through which the test runner's per-file set-up (Jest's test environment,
 * Vitest's setup file) hands a test file its database.
 */
export const DATABASE_GLOBAL = '__TESTBED_DATABASE__';
/** The file's databases of the other apps' schemas, by app name (HarnessOptions.otherApps). */
// Stryker disable next-line StringLiteral: equivalent, any name does while the runners' set-up and this file read the same constant
export const OTHER_DATABASES_GLOBAL = '__TESTBED_OTHER_DATABASES__';

export interface FileDatabase {
  name: string;
  url: string;
}

/** This test file's database; `notWiredIn` says how to wire the runner when there is none. */
export function fileDatabase(notWiredIn: string): FileDatabase {
  const database = (globalThis as Record<string, unknown>)[DATABASE_GLOBAL] as
    FileDatabase | undefined;
  if (!database) throw new Error(`This test file has no database: ${notWiredIn}`);
  return database;
}

/** This test file's database with the schema of `app`, one of the harness's otherApps. */
export function otherFileDatabase(app: string): FileDatabase {
  const databases = (globalThis as Record<string, unknown>)[OTHER_DATABASES_GLOBAL] as
    Record<string, FileDatabase> | undefined;
  const database = databases?.[app];
  if (!database)
    throw new Error(
      `This test file has no database for "${app}": name it in otherApps of createGlobalSetup().`,
    );
  return database;
}
