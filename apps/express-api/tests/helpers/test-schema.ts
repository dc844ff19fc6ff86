import { join } from 'node:path';
import { fingerprintFiles } from '@testbed/test-utils';
import { migrate } from '../../src/db/migrate';

/**
 * This app's schema for the test harness: the app's own migrations build the template that
 * every test database is cloned from. The global setup uses it, and so does the differential
 * suite, which needs both apps' schemas in one run (docs/hardening/differential.md).
 */
export const testSchema = {
  appName: 'express-api',
  migrate,
  fingerprint: fingerprintFiles(join(__dirname, '../../src/db/migrations')),
};
