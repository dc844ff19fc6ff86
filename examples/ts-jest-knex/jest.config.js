// @ts-check
// ts-jest, with the lines copy-test-utils prints for Jest, as a newcomer adds them.
// #region jest-config
/** @type {import('jest').Config} */
const config = {
  preset: 'ts-jest',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/test-utils/jest/global-teardown.ts',
  testEnvironment: '<rootDir>/tests/support/test-utils/jest/database-environment.ts',
  setupFilesAfterEnv: [
    '<rootDir>/tests/support/test-utils/matchers/index.ts',
    // The app reads DATABASE_URL when it is first imported: this points it at the file's database.
    '<rootDir>/tests/use-test-database.ts',
  ],
};
module.exports = config;
// #endregion
