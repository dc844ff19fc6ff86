import { createGlobalSetup } from '@testbed/test-utils';
import { testSchema } from './helpers/test-schema';

// One embedded PostgreSQL and one template database, built by the app's own migrations.
export default createGlobalSetup(testSchema);
