const { defineJestConfig } = require('@testbed/jest-config');

// jose is ESM-only: Jest's CommonJS runtime needs it compiled like the packages the shared
// config already lets through.
const transformIgnorePatterns = ['/node_modules/(?!(\\.pnpm/)?(cookie|light-my-request|jose)[@/])'];

module.exports = defineJestConfig({
  unit: { transformIgnorePatterns, setupFilesAfterEnv: ['@testbed/test-utils/matchers'] },
  integration: {
    transformIgnorePatterns,
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '<rootDir>/../../packages/test-utils/src/jest/global-teardown.ts',
    testEnvironment: '@testbed/test-utils/jest-environment',
    setupFilesAfterEnv: ['@testbed/test-utils/matchers'],
  },
  collectCoverageFrom: ['src/**/*.ts', '!src/server.ts', '!src/db/embedded-database.ts'],
  coverageThreshold: { global: { lines: 90, branches: 80, functions: 90, statements: 90 } },
});
