import { join } from 'node:path';
import { createGlobalSetup, fingerprintFiles } from '@testbed/test-utils';
import { migrate } from '../src/db/migrate';

// One embedded PostgreSQL and one template database, built by the app's own migrations.
export default createGlobalSetup({
  appName: 'express-api',
  migrate,
  fingerprint: fingerprintFiles(join(__dirname, '../src/db/migrations')),
});
