import { gzipSync } from 'node:zlib';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

const BAD_PATH_ENCODING = 'The request path is not valid percent-encoding.';

const ENCODED_BODY =
  'The request body must be sent uncompressed: Content-Encoding is not supported.';

/**
 * Where Express and Fastify answer differently by default, and the one rule both apps keep
 * (docs/api-contract.md, "Where the frameworks differ"). Each case was found by the
 * differential suite or listed in its issue (docs/hardening/differential.md).
 */
export function describeFrameworkDifferencesContract(target: ContractTarget): void {
  describe(`${target.name} · where the frameworks differ`, () => {
    const c = useContractApp(target);

    it('routes paths case-sensitively: /API/PROFILE is an unknown route', async () => {
      const user = await c.given.user();

      const res = await c.api.as(user).get('/API/PROFILE');

      expect(res).toBeProblem(404, { detail: 'No route matches GET /API/PROFILE.' });
    });

    // One path of each group of routes: an app may route each group on its own.
    it.each([
      ['post', '/api/AUTH/login'],
      ['get', '/api/Users'],
      ['get', '/api/admin/USERS'],
      ['get', '/HEALTH'],
      ['get', '/OpenAPI.json'],
    ] as const)(
      'routes every group of paths case-sensitively: %s %s is an unknown route',
      async (method, path) => {
        const admin = await c.given.admin();

        const res = await c.api.as(admin)[method](path);

        expect(res).toBeProblem(404, {
          detail: `No route matches ${method.toUpperCase()} ${path}.`,
        });
      },
    );

    // Express routes this way by default; Fastify only with ignoreTrailingSlash.
    it('routes a path with a trailing slash as the path without it: /api/profile/', async () => {
      const user = await c.given.user();

      const res = await c.api.as(user).get('/api/profile/');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id });
    });

    it('routes a path with percent-encoded letters as the decoded path: /%68ealth is /health', async () => {
      const res = await c.api.get('/%68ealth');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('routes /heal%74h as /health: a letter from p to z decodes as one from a to o does', async () => {
      const res = await c.api.get('/heal%74h');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('finds a user by an id whose digits and dashes are percent-encoded', async () => {
      const user = await c.given.user();
      const escaped = user.id.replace(/[0-9-]/g, (char) => `%${char.charCodeAt(0).toString(16)}`);

      const res = await c.api.as(user).get(`/api/users/${escaped}`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id });
    });

    it('logs in through /api/auth/%6cogin as through /api/auth/login', async () => {
      const user = await c.given.user();

      const res = await c.api
        .post('/api/auth/%6cogin')
        .send({ email: user.email, password: user.password });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ access_token: expect.any(String) });
    });

    it('answers a wrong method on a percent-encoded known path with 405 and Allow', async () => {
      const res = await c.api.delete('/%61pi/profile');

      expect(res).toBeProblem(405, { detail: 'DELETE is not allowed here.' });
      expect(res.headers.allow).toBe('GET');
    });

    it('matches an escaped dash in a path: DELETE /api/auth/verify%2Demail is a 405 with Allow', async () => {
      const res = await c.api.delete('/api/auth/verify%2Demail');

      expect(res).toBeProblem(405, { detail: 'DELETE is not allowed here.' });
      expect(res.headers.allow).toBe('POST');
    });

    it('names the path as sent in the 404 for an unknown percent-encoded path', async () => {
      const res = await c.api.get('/n%6Fpe');

      expect(res).toBeProblem(404, { detail: 'No route matches GET /n%6Fpe.' });
    });

    it.each([
      ['%2F, which stays data and never separates segments', '/api%2Fprofile'],
      ['%25, which is decoded once, never twice', '/%2568ealth'],
    ])('keeps %s', async (_case, path) => {
      const res = await c.api.get(path);

      expect(res).toBeProblem(404, { detail: `No route matches GET ${path}.` });
    });

    it.each([
      ['a % not followed by two hex digits', '/nope/%zz'],
      ['a % at the end', '/health%'],
      ['bytes that are not UTF-8', '/nope/%FF'],
    ])(
      'refuses a path with %s with a 400 problem, whether or not a route matches',
      async (_case, path) => {
        const res = await c.api.get(path);

        expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
      },
    );

    it('answers QUERY on a known path with 405 and the methods it allows', async () => {
      const res = await c.api.method('QUERY', '/api/users');

      expect(res).toBeProblem(405, { detail: 'QUERY is not allowed here.' });
      expect(res.headers.allow).toBe('GET, POST');
    });

    it('answers QUERY on an unknown path with 404', async () => {
      const res = await c.api.method('QUERY', '/nope');

      expect(res).toBeProblem(404, { detail: 'No route matches QUERY /nope.' });
    });

    it('answers QUERY with a JSON body on a known path with the same 405', async () => {
      const res = await c.api
        .method('QUERY', '/api/users')
        .set('content-type', 'application/json')
        .send('{}');

      expect(res).toBeProblem(405, { detail: 'QUERY is not allowed here.' });
      expect(res.headers.allow).toBe('GET, POST');
    });

    it('reads the body of a method no route takes before answering 405: a bad body is a 400', async () => {
      const res = await c.api
        .method('PROPFIND', '/api/users')
        .set('content-type', 'application/json')
        .send('{"name": ');

      expect(res).toBeProblem(400, { detail: 'The request body is not valid JSON.' });
    });

    it.each([
      ['not JSON', '{"name": ', 'The request body is not valid JSON.'],
      [
        'a prototype key',
        '{"__proto__": {"role": "admin"}}',
        'The request body is not valid JSON.',
      ],
      ['empty', '', 'The request body is empty; a JSON object is expected.'],
    ])('closes the connection after refusing a body that is %s', async (_case, text, detail) => {
      const res = await c.api
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(text);

      expect(res).toBeProblem(400, { detail });
      expect(res.headers.connection).toBe('close');
    });

    it('keeps the connection after refusing a Content-Encoding on an empty body', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .send('');

      expect(res).toBeProblem(400, { detail: ENCODED_BODY });
      expect(res.headers.connection).toBe('keep-alive');
    });

    it('closes the connection after refusing a bad path whose body it did not read', async () => {
      const user = await c.given.user();

      const res = await c.api.as(user).patch(`/api/users/${user.id}%zz`).send({ name: 'Renamed' });

      expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
      expect(res.headers.connection).toBe('close');
      expect(await c.db.rows('SELECT name FROM users WHERE id = $1', [user.id])).toEqual([
        { name: user.name },
      ]);
    });

    const asSent = (text: string) => Buffer.from(text);
    it.each([
      ['a gzip body', 'gzip', gzipSync],
      ['an unknown coding', 'x-unknown', asSent],
      ['a coding in capitals', 'GZIP', gzipSync],
    ])(
      'refuses %s in Content-Encoding with a 400 problem, and registers nobody',
      async (_case, coding, encode) => {
        const before = await c.db.snapshot();

        const res = await c.api
          .post('/api/auth/register')
          .set('content-type', 'application/json')
          .set('content-encoding', coding)
          .send(encode(JSON.stringify(c.given.attributes())));

        expect(res).toBeProblem(400, { detail: ENCODED_BODY });
        expect(await c.db.snapshot()).toEqual(before);
        expect(c.mailer.sent).toHaveLength(0);
      },
    );

    it('refuses a Content-Encoding on an empty body with the same 400 problem', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .send('');

      expect(res).toBeProblem(400, { detail: ENCODED_BODY });
    });

    it('reads a request with a Content-Encoding and no body as if the header were not there', async () => {
      const user = await c.given.user();

      const res = await c.api.as(user).get('/api/profile').set('content-encoding', 'gzip');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id });
    });

    it('answers an empty body declared as JSON with a 400 problem saying so', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('');

      expect(res).toBeProblem(400, {
        detail: 'The request body is empty; a JSON object is expected.',
      });
    });

    it('answers a DELETE declaring a JSON body it does not send with the same 400, and deletes nothing', async () => {
      const user = await c.given.user();

      const res = await c.api
        .as(user)
        .delete(`/api/users/${user.id}`)
        .set('content-type', 'application/json');

      expect(res).toBeProblem(400, {
        detail: 'The request body is empty; a JSON object is expected.',
      });
      expect(await c.db.rows('SELECT id FROM users WHERE id = $1', [user.id])).toHaveLength(1);
    });

    it('answers a GET with If-None-Match: * with the resource, never a 304', async () => {
      const user = await c.given.user();

      const res = await c.api.as(user).get('/api/profile').set('if-none-match', '*');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id });
    });

    it('reads a body sent with Content-Encoding: identity', async () => {
      const res = await c.api
        .post('/api/auth/register')
        .set('content-encoding', 'identity')
        .send(c.given.attributes());

      expect(res.status).toBe(201);
    });

    it.each([
      ['a __proto__ key', '{"__proto__": {"role": "admin"}}'],
      ['a nested __proto__ key', '{"name": {"__proto__": {"role": "admin"}}}'],
      ['a constructor.prototype key', '{"constructor": {"prototype": {"role": "admin"}}}'],
    ])('refuses a body with %s as it refuses one that is not JSON', async (_case, text) => {
      const res = await c.api
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(text);

      expect(res).toBeProblem(400, { detail: 'The request body is not valid JSON.' });
    });

    it('names a constructor key without a prototype as an unknown field', async () => {
      const res = await c.api
        .post('/api/auth/register')
        .send({ ...c.given.attributes(), constructor: 1 });

      expect(res).toBeProblem(400, {
        errors: [{ path: 'constructor', message: expect.any(String) }],
      });
    });

    it('names a field holding a prototype key, under any name but constructor, as an unknown field', async () => {
      const res = await c.api
        .post('/api/auth/register')
        .send({ ...c.given.attributes(), settings: { prototype: { role: 'admin' } } });

      expect(res).toBeProblem(400, {
        errors: [{ path: 'settings', message: expect.any(String) }],
      });
    });

    it.each([
      ['an object with no prototype key', { role: 'admin' }],
      ['null', null],
    ])(
      'names a constructor key holding %s as an unknown field, not as a body it cannot parse',
      async (_case, value) => {
        const res = await c.api
          .post('/api/auth/register')
          .send({ ...c.given.attributes(), constructor: value });

        expect(res).toBeProblem(400, {
          errors: [{ path: 'constructor', message: expect.any(String) }],
        });
      },
    );

    it('answers a JSON string where an object is expected with a field error on the body', async () => {
      const res = await c.api
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send('"text"');

      expect(res).toBeProblem(400, {
        detail: 'The request is invalid: see errors.',
        errors: [{ path: '', message: expect.any(String) }],
      });
    });
  });
}
