import {
  createDatabaseReset,
  type DatabaseReset,
  type ResetOptions,
} from '../isolation/database-reset';
import { DATABASE_GLOBAL, type FileDatabase } from './test-database-global';

/** This test file's own database, made by the DatabaseEnvironment. */
export function testDatabase(): FileDatabase {
  const database = (globalThis as Record<string, unknown>)[DATABASE_GLOBAL] as
    FileDatabase | undefined;
  if (!database) {
    throw new Error(
      'This test file has no database: set testEnvironment to ' +
        '"@testbed/test-utils/jest-environment" in jest.config.js.',
    );
  }
  return database;
}

/**
 * Call once at the top of a test file (or in a helper it uses): empties every table before
 * each test, so each test starts from the migrated schema and nothing else, whatever ran
 * before it (a crashed test, a `beforeAll` that wrote). Resetting before rather than after
 * also leaves the last test's rows in place, so a database kept by TESTBED_KEEP_FAILED_DB
 * holds the failed test's data when that test is run alone (`-t`).
 */
export function useTestDatabase(options: ResetOptions = {}): FileDatabase {
  const database = testDatabase();
  let reset: DatabaseReset | undefined;
  beforeAll(async () => {
    reset = await createDatabaseReset(database.url, options);
  });
  beforeEach(async () => {
    await reset?.reset();
  });
  afterAll(async () => {
    await reset?.close();
  });
  return database;
}
