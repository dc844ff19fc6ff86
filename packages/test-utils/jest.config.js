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
  coverageThreshold: { global: { lines: 90, branches: 80, functions: 90, statements: 90 } },
});
