import { fingerprintFiles } from '@testbed/test-utils';
import { migrate, migrationsFolder } from '../../src/db/migrate';

/**
 * This app's schema for the test harness: the app's own migrator builds the template that
 * every test database is cloned from. The global setup uses it, and so does the differential
 * suite, which needs both apps' schemas in one run (docs/hardening/differential.md).
 */
export const testSchema = {
  appName: 'fastify-api',
  migrate,
  fingerprint: fingerprintFiles(migrationsFolder),
};
