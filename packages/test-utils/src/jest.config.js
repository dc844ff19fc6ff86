const { defineJestConfig } = require('@testbed/jest-config');

module.exports = defineJestConfig({
  integration: {
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '<rootDir>/src/jest/global-teardown.ts',
    testEnvironment: '<rootDir>/src/jest/database-environment.ts',
    setupFilesAfterEnv: ['<rootDir>/src/matchers/index.ts'],
  },
  unit: {
    setupFilesAfterEnv: ['<rootDir>/src/matchers/index.ts'],
  },
  coverageThreshold: { global: { lines: 90, branches: 80, functions: 90, statements: 90 } },
});
