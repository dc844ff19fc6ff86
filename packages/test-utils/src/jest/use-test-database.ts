import { fileDatabase, otherFileDatabase, type FileDatabase } from '../database/file-database';
import type { ResetOptions } from '../isolation/database-reset';
import { useDatabaseReset } from '../isolation/use-database-reset';

/** This test file's own database, made by the DatabaseEnvironment. */
export function testDatabase(): FileDatabase {
  return fileDatabase(
    'set testEnvironment in the Jest config (of the project that runs this file) to ' +
      "the harness's jest/database-environment.ts, e.g. " +
      "'<rootDir>/test/support/jest/database-environment.ts'.",
  );
}

/**
 * Call once at the top of a test file (or in a helper it uses): this file's database,
 * emptied before each test (see useDatabaseReset). With `app`, the file's database of that
 * app's schema instead, one of the harness's `otherApps`.
 */
export function useTestDatabase(options: ResetOptions & { app?: string } = {}): FileDatabase {
  const { app, ...reset } = options;
  const database = app === undefined ? testDatabase() : otherFileDatabase(app);
  useDatabaseReset(database.url, { beforeAll, beforeEach, afterAll }, reset);
  return database;
}
