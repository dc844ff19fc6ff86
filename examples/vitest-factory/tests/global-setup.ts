import { migrate, migrationsFolder } from '../src/db/migrate';
import { createGlobalSetup, fingerprintFiles } from './support/test-utils/vitest';

export default createGlobalSetup({
  appName: 'example-vitest',
  migrate,
  fingerprint: fingerprintFiles(migrationsFolder),
});
