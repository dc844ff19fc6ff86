// The two apps describe one contract: their /openapi.json documents must agree on every
// path, method, parameter, status code and schema. Each document is built the way its app
// serves it, with no database (docs/contract-suite.md).
import { FakeClock, FakeMailer } from '@testbed/test-utils';
import { openApiDocument } from '../../../../apps/express-api/src/openapi/openapi.document';
import { buildApp } from '../../../../apps/fastify-api/src/app';
import { createDatabase, createPool } from '../../../../apps/fastify-api/src/db/database';
import { createLogger } from '../../../../apps/fastify-api/src/logger';
import { testConfig } from '../../../../apps/fastify-api/tests/helpers/test-config';
import { compareOpenApiDocuments } from '../../src';

// express-api sends this object with res.json(): the document is its JSON.
const expressDocument = () =>
  JSON.parse(JSON.stringify(openApiDocument)) as Record<string, unknown>;

// fastify-api generates its document from the routes' schemas, so the app is built (on a pool
// to a closed port, which serving the document never touches) and asked for it.
async function fastifyDocument() {
  const pool = createPool('postgres://nobody@127.0.0.1:1/none', { max: 1 });
  const app = buildApp({
    db: createDatabase(pool),
    mailer: new FakeMailer(),
    clock: new FakeClock(),
    config: testConfig,
    logger: createLogger('silent'),
  });
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  await app.close();
  await pool.end();
  return res.json<Record<string, unknown>>();
}

describe('the OpenAPI documents of express-api and fastify-api', () => {
  it('describe the same paths, methods, parameters, statuses and schemas', async () => {
    const [express, fastify] = [expressDocument(), await fastifyDocument()];

    const differences = compareOpenApiDocuments(['express-api', express], ['fastify-api', fastify]);

    expect(differences).toEqual([]);
  });
});
