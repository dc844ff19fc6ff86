// @ts-check
// No transform configured: Jest's default, babel-jest. The lines copy-test-utils prints for Jest.
// #region jest-config
/** @type {import('jest').Config} */
const config = {
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  globalSetup: '<rootDir>/tests/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/test-utils/jest/global-teardown.js',
  testEnvironment: '<rootDir>/tests/support/test-utils/jest/database-environment.js',
  setupFilesAfterEnv: ['<rootDir>/tests/support/test-utils/matchers/index.js'],
};
module.exports = config;
// #endregion
