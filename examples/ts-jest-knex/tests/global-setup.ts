// #region global-setup
import { migrationsFolder } from '../src/db';
import { migrate } from '../src/migrate';
import { createGlobalSetup, fingerprintFiles } from './support/test-utils';

export default createGlobalSetup({
  appName: 'example-ts-jest',
  migrate,
  fingerprint: fingerprintFiles(migrationsFolder),
});
// #endregion
