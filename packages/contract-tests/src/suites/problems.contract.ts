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

    it('answers a body over 100 kB with a 413 problem', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .send({ email: 'a@b.test', password: 'x'.repeat(110_000) });

      expect(res).toBeProblem(413);
    });
  });
}
