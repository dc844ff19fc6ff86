// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

const matchers = '<rootDir>/src/matchers/index.ts';

module.exports = defineJestConfig({
  unit: { setupFilesAfterEnv: [matchers] },
  integration: {
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '<rootDir>/src/jest/global-teardown.ts',
    testEnvironment: '<rootDir>/src/jest/database-environment.ts',
    setupFilesAfterEnv: [matchers],
  },
  collectCoverageFrom: [
    'src/**/*.ts',
    // These run where Jest's coverage cannot see them: in globalSetup, in the test
    // environment, or in the child processes of embedded-server.test.ts and
    // keep-failed-database.test.ts, which are their tests.
    '!src/jest/global-setup.ts',
    '!src/jest/database-environment.ts',
    '!src/database/embedded-*.ts',
    '!src/database/postgres-system-user.ts',
  ],
  coverageThreshold: { global: { lines: 90, statements: 90, functions: 90, branches: 70 } },
});
