// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

// The integration test reads the repository's own files: no database, so no globalSetup.
module.exports = defineJestConfig({
  // The CLI runs in a child process in cli.test.ts, where Jest's coverage cannot see it.
  collectCoverageFrom: ['src/**/*.ts', '!src/cli.ts'],
  coverageThreshold: { global: { lines: 90, statements: 90, functions: 90, branches: 80 } },
});
