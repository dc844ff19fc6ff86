import { createGlobalSetup } from '@testbed/test-utils';
import { testSchema } from './helpers/test-schema';

// One server and one template database, migrated by the app's own migrator, per run.
export default createGlobalSetup(testSchema);
