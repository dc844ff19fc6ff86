/**
 * The global through which the test runner's per-file set-up (Jest's test environment,
 * Vitest's setup file) hands a test file its database.
 */
export const DATABASE_GLOBAL = '__TESTBED_DATABASE__';

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
