// API suite (1 of 4 kinds): what holds for every route — problem+json errors with nothing
// internal in them, JSON parsing, unknown routes and methods, /health and /openapi.json.
// See docs/express-api.md.
import {
  bearer,
  epochSeconds,
  FakeClock,
  FakeMailer,
  forgeJwt,
  LogRecorder,
  validateResponses,
} from '@testbed/test-utils';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { createDataSource } from '../../../src/db/data-source';
import { createLogger } from '../../../src/logger';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

// Every field of the contract's User: no password, hash or token among them.
const USER_FIELDS = ['createdAt', 'email', 'emailVerified', 'id', 'name', 'role', 'updatedAt'];
const t = useTestApp();

describe('errors', () => {
  it('returns a 404 problem for an unknown route', async () => {
    const res = await t.api.get('/api/nothing-here');

    expect(res).toBeProblem(404, { title: 'Not Found' });
  });

  it('returns a 405 problem with Allow for a known route and a wrong method', async () => {
    const res = await t.api.put('/api/auth/login');

    expect(res).toBeProblem(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('returns 400 for a body that is not valid JSON', async () => {
    const res = await t.api
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');

    expect(res).toBeProblem(400, { detail: 'The request body is not valid JSON.' });
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"text"'],
    ['null', 'null'],
  ])('returns 400 for a JSON body that is %s, not an object', async (_case, body) => {
    const res = await t.api
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .send(body);

    expect(res).toBeProblem(400);
  });

  it('returns 413 for a body over 100 kB', async () => {
    const res = await t.api.post('/api/auth/register').send({ name: 'x'.repeat(200_000) });

    expect(res).toBeProblem(413);
  });

  it('returns 400 for a body that is not JSON at all', async () => {
    const res = await t.api
      .post('/api/auth/register')
      .set('Content-Type', 'text/plain')
      .send('name=x');

    expect(res).toBeProblem(400);
  });
});

describe('GET /health', () => {
  it('answers 200 ok when the database answers', async () => {
    const res = await t.api.get('/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('GET /openapi.json', () => {
  it('answers an OpenAPI 3.1 document of every route of the contract', async () => {
    const res = await t.api.get('/openapi.json');

    expect(res.status).toBe(200);
    const document = res.body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual([
      'DELETE /api/users/{id}',
      'GET /api/admin/users',
      'GET /api/profile',
      'GET /api/users',
      'GET /api/users/{id}',
      'GET /health',
      'GET /openapi.json',
      'PATCH /api/users/{id}',
      'POST /api/auth/login',
      'POST /api/auth/register',
      'POST /api/auth/verify-email',
      'POST /api/users',
    ]);
  });

  it('describes the User shape without any password field', async () => {
    const res = await t.api.get('/openapi.json');

    const { User } = (res.body as { components: { schemas: { User: { required: string[] } } } })
      .components.schemas;
    expect(User.required.sort()).toEqual(USER_FIELDS);
  });

  // Clients generate code from this document: it changes only on purpose, and the change shows
  // in review as a diff of the snapshot (`jest -u` accepts it). Its summaries, descriptions and
  // tags are read by no other test.
  it('serves the document as reviewed in its snapshot, word for word', async () => {
    const res = await t.api.get('/openapi.json');

    expect(res.body).toMatchSnapshot();
  });
});

describe('without a database', () => {
  // A second app whose data source points at a closed port.
  function appWithoutDatabase(logs?: LogRecorder) {
    return createApp({
      dataSource: createDataSource({ url: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 }),
      mailer: new FakeMailer(),
      clock: new FakeClock(),
      config: testConfig,
      logger: logs ? createLogger('info', logs) : createLogger('silent'),
    });
  }

  it('answers GET /health with a 503 problem that says the database does not answer', async () => {
    const app = appWithoutDatabase();

    const res = await validateResponses(request(app).get('/health'), t.openapi);

    // The line an operator reads when a probe fails: it names the part that is down.
    expect(res).toBeProblem(503, { detail: 'The database does not answer.' });
  });

  it('answers 500 with nothing internal in it when something unexpected fails, and logs it', async () => {
    const logs = new LogRecorder();
    const app = appWithoutDatabase(logs);
    const token = forgeJwt({
      payload: {
        sub: '00000000-0000-4000-8000-000000000000',
        iss: testConfig.jwt.issuer,
        aud: testConfig.jwt.audience,
        exp: epochSeconds(new FakeClock().now()) + 60,
      },
      secret: testConfig.jwt.secret,
    });

    const res = await validateResponses(
      request(app).get('/api/profile').set(bearer(token)),
      t.openapi,
    );

    expect(res).toBeProblem(500, { detail: 'An unexpected error occurred.' });
    // Besides the request's own line (secrets-in-logs.test.ts), the error is the one entry.
    expect(logs.entries.filter((entry) => entry.msg !== 'request completed')).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'unexpected error',
        method: 'GET',
        path: '/api/profile',
        err: expect.objectContaining({
          name: 'EntityMetadataNotFoundError',
          message: expect.any(String),
          stack: expect.any(String),
        }),
      }),
    ]);
  });
});
