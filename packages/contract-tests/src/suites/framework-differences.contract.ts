import { gzipSync } from 'node:zlib';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

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
