import { defineConfig } from 'vitest/config';

// The lines copy-test-utils prints for Vitest, as a newcomer adds them.
// #region vitest-config
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./tests/global-setup.ts'],
    setupFiles: [
      './tests/support/test-utils/vitest/database-per-file.ts',
      './tests/support/test-utils/vitest/matchers.ts',
    ],
  },
});
// #endregion
