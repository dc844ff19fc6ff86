import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fileDatabase, type FileDatabase } from '../database/file-database';
import type { ResetOptions } from '../isolation/database-reset';
import { useDatabaseReset } from '../isolation/use-database-reset';

/** This test file's own database, made by the setup file vitest/database-per-file.ts. */
export function testDatabase(): FileDatabase {
  return fileDatabase(
    "add the harness's vitest/database-per-file.ts to setupFiles in the Vitest config, " +
      "e.g. setupFiles: ['./test/support/vitest/database-per-file.ts'].",
  );
}

/**
 * Call once at the top of a test file (or in a helper it uses): this file's database,
 * emptied before each test (see useDatabaseReset).
 */
export function useTestDatabase(options: ResetOptions = {}): FileDatabase {
  const database = testDatabase();
  useDatabaseReset(database.url, { beforeAll, beforeEach, afterAll }, options);
  return database;
}
