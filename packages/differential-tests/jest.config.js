// @ts-check
const { defineJestConfig } = require('@testbed/jest-config');

// One file: both apps started in it, each on a database of its own schema. The Express app's
// TypeORM entities need decorators compiled.
module.exports = defineJestConfig({
  decorators: true,
  contract: {
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '@testbed/test-utils/jest-global-teardown',
    testEnvironment: '@testbed/test-utils/jest-environment',
    setupFilesAfterEnv: ['@testbed/test-utils/matchers'],
  },
});
