// Copying the harness: when Jest is not wired to it, the error says what to add in terms that
// hold in a copy (file names in the copied folder), not this repo's package names or paths.
// See docs/guides/copy-test-utils.md.
import { testDatabase } from '../../src';
import { readServerHandle } from '../../src/config';
import { DATABASE_GLOBAL } from '../../src/database/file-database';

const monorepoNames = /@testbed|packages\/test-utils/;

describe('the harness not wired into Jest', () => {
  it('names the globalSetup and globalTeardown to add when no server is running', () => {
    const read = () => readServerHandle({});

    expect(read).toThrow(
      /globalSetup file that exports createGlobalSetup\(\{ appName, migrate, fingerprint \}\)/,
    );
    expect(read).toThrow(/jest\/global-teardown\.ts/);
    expect(read).not.toThrow(monorepoNames);
  });

  describe('when a file has no database', () => {
    // None under `pnpm test`; a mutation run gives every file one, taken away here.
    const globals = globalThis as Record<string, unknown>;
    const given = globals[DATABASE_GLOBAL];
    beforeEach(() => {
      globals[DATABASE_GLOBAL] = undefined;
    });
    afterEach(() => {
      globals[DATABASE_GLOBAL] = given;
    });

    it('names the test environment file to set', () => {
      const read = () => testDatabase();

      expect(read).toThrow(
        "This test file has no database: set testEnvironment in the Jest config (of the project that runs this file) to the harness's jest/database-environment.ts, e.g. '<rootDir>/test/support/jest/database-environment.ts'.",
      );
      expect(read).not.toThrow(monorepoNames);
    });
  });
});
