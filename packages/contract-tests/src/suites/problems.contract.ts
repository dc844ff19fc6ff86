import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

/** The shape of every error: RFC 9457 problem+json, nothing internal (docs/api-contract.md). */
export function describeProblemsContract(target: ContractTarget): void {
  describe(`${target.name} · problem+json contract`, () => {
    const c = useContractApp(target);

    it('answers a body that is not JSON with a 400 problem', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"email":');

      expect(res).toBeProblem(400);
    });

    it.each([
      ['an array', []],
      ['a string', '"text"'],
    ])('answers %s where an object is expected with a 400 problem', async (_case, body) => {
      const res = await c.api
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));

      expect(res).toBeProblem(400);
    });

    it('lists every invalid field in errors, with its path and a message', async () => {
      const res = await c.api
        .post('/api/auth/register')
        .send({ name: '', email: 'x', password: 'y' });

      expect(res).toBeProblem(400, {
        type: 'about:blank',
        title: 'Bad Request',
        errors: [
          { path: 'name', message: expect.any(String) },
          { path: 'email', message: expect.any(String) },
          { path: 'password', message: expect.any(String) },
        ],
      });
    });

    it('checks authentication before the id: 401 for a malformed id without a token', async () => {
      expect(await c.api.get('/api/users/not-a-uuid')).toBeProblem(401);
    });

    it('answers an over-long id like any malformed id: 401 without a token, 400 on the id with one', async () => {
      const user = await c.given.user();
      const longId = 'a'.repeat(150);

      const anonymous = await c.api.get(`/api/users/${longId}`);
      const signedIn = await c.api.as(user).get(`/api/users/${longId}`);

      expect(anonymous).toBeProblem(401);
      expect(signedIn).toBeProblem(400, {
        errors: [{ path: 'id', message: expect.any(String) }],
      });
    });

    it.each(['%zz', '%E0%A4%A'])(
      'answers a path with malformed percent-encoding (%s) with a 400 problem that does not repeat it',
      async (encoded) => {
        const res = await c.api.get(`/api/users/${encoded}`);

        expect(res).toBeProblem(400, { detail: 'The request path is not valid percent-encoding.' });
        expect(res.headers).toMatchObject({
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
      },
    );

    it('answers a body over 100 kB with a 413 problem', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .send({ email: 'a@b.test', password: 'x'.repeat(110_000) });

      expect(res).toBeProblem(413);
    });
  });
}
