import { createDatabaseReset, type DatabaseReset, type ResetOptions } from './database-reset';

/** The hooks of whichever runner the file runs under (Jest's globals, Vitest's imports). */
export interface RunnerHooks {
  beforeAll: (fn: () => Promise<void>) => void;
  beforeEach: (fn: () => Promise<void>) => void;
  afterAll: (fn: () => Promise<void>) => void;
}

/**
 * Empties every table before each test, so each test starts from the migrated schema and
 * nothing else, whatever ran before it (a crashed test, a `beforeAll` that wrote). Resetting
 * before rather than after also leaves the last test's rows in place, so a database kept by
 * TESTBED_KEEP_FAILED_DB holds the failed test's data when that test is run alone.
 */
export function useDatabaseReset(url: string, hooks: RunnerHooks, options: ResetOptions): void {
  let reset: DatabaseReset | undefined;
  hooks.beforeAll(async () => {
    reset = await createDatabaseReset(url, options);
  });
  hooks.beforeEach(async () => {
    // Stryker disable next-line OptionalChaining: there is no reset only when beforeAll failed, and the runner has failed the file for it
    await reset?.reset();
  });
  hooks.afterAll(async () => {
    // Stryker disable next-line OptionalChaining: there is no reset only when beforeAll failed, and the runner has failed the file for it
    await reset?.close();
  });
}
