// #region global-setup
const { migrate, migrationsFolder } = require('../src/db/migrate');
const { createGlobalSetup, fingerprintFiles } = require('./support/test-utils');

module.exports = createGlobalSetup({
  appName: 'example-jest-cjs',
  migrate,
  fingerprint: fingerprintFiles(migrationsFolder),
});
// #endregion
