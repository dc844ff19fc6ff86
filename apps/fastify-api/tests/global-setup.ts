import { createGlobalSetup, fingerprintFiles } from '@testbed/test-utils';
import { migrate, migrationsFolder } from '../src/db/migrate';

// One server and one template database, migrated by the app's own migrator, per run.
export default createGlobalSetup({
  appName: 'fastify-api',
  migrate,
  fingerprint: fingerprintFiles(migrationsFolder),
});
