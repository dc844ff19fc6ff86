import { createGlobalSetup } from '@testbed/test-utils';
import { testSchema as expressSchema } from 'express-api/test-schema';
import { testSchema as fastifySchema } from 'fastify-api/test-schema';

// One server, and a template of each app's schema built by its own migrations: each test file
// gets a database of each.
export default createGlobalSetup({ ...expressSchema, otherApps: [fastifySchema] });
