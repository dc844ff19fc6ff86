// @ts-check
// #region global-setup
const { migrate, migrationsFolder } = require('../src/db/migrate');
// The copy's index.js re-exports core.js through a helper (__exportStar) that tsc does not
// follow, so fingerprintFiles is typed from core.js itself.
const { createGlobalSetup, fingerprintFiles } =
  /** @type {typeof import('./support/test-utils') & typeof import('./support/test-utils/core')} */ (
    require('./support/test-utils')
  );

module.exports = createGlobalSetup({
  appName: 'example-jest-cjs',
  migrate,
  fingerprint: fingerprintFiles(migrationsFolder),
});
// #endregion
