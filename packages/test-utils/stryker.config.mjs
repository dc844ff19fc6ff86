// @ts-check
// pnpm test:mutation (docs/mutation-testing.md): would the suites fail if this code were wrong?
import { defineStrykerConfig } from '@testbed/mutation-testing';

export default defineStrykerConfig({
  packageDir: import.meta.dirname,
  // What Jest's coverage leaves out too: code that runs in globalSetup, in the test environment
  // or in child processes, where Stryker's per-test coverage cannot see it either; and the
  // Vitest adapters, which the examples test.
  mutate: [
    'src/**/*.ts',
    '!src/jest/global-setup.ts',
    '!src/jest/database-environment.ts',
    '!src/database/embedded-*.ts',
    '!src/database/postgres-system-user.ts',
    '!src/vitest/**',
  ],
  breakAt: 99,
});
