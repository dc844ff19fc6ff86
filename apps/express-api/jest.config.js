// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

const matchers = '@testbed/test-utils/matchers';

module.exports = defineJestConfig({
  decorators: true,
  unit: { setupFilesAfterEnv: [matchers] },
  integration: {
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '@testbed/test-utils/jest-global-teardown',
    testEnvironment: '@testbed/test-utils/jest-environment',
    setupFilesAfterEnv: [matchers],
  },
  // The shared contract suites (packages/contract-tests), on the same database harness.
  contract: {
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '@testbed/test-utils/jest-global-teardown',
    testEnvironment: '@testbed/test-utils/jest-environment',
    setupFilesAfterEnv: [matchers],
  },
  // The process wiring (server.ts, the embedded dev database, SMTP) is checked by starting
  // the app for real, not by Jest.
  collectCoverageFrom: [
    'src/**/*.ts',
    '!src/server.ts',
    '!src/db/default-database.ts',
    '!src/mail/smtp-mailer.ts',
  ],
  coverageThreshold: { global: { lines: 95, branches: 80, functions: 95, statements: 95 } },
});
