import type { ContractTarget } from '../target';
import { PASSWORD, tokenFromLastEmail } from '../given';
import { useContractApp } from '../use-contract-app';

/** The rules the contract states in prose (docs/api-contract.md). */
export function describeRulesContract(target: ContractTarget): void {
  describe(`${target.name} · rules in prose`, () => {
    const c = useContractApp(target);

    it('gives no hint whether an email exists: the same 401 for an unknown email and a wrong password', async () => {
      const user = await c.given.user();

      const unknown = await c.api
        .post('/api/auth/login')
        .send({ email: c.given.email('nobody'), password: PASSWORD });
      const wrong = await c.api
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong password' });

      expect(wrong).toBeProblem(401, { detail: 'The email or password is incorrect.' });
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
    });

    it('accepts a verification token once only, then answers as for an unknown one', async () => {
      const user = await c.given.unverifiedUser();
      const token = tokenFromLastEmail(c.mailer, user.email);
      await c.api.post('/api/auth/verify-email').send({ token }).expect(200);

      const again = await c.api.post('/api/auth/verify-email').send({ token });
      const unknown = await c.api.post('/api/auth/verify-email').send({ token: 'x'.repeat(43) });

      expect(again).toBeProblem(400);
      expect(again.body).toEqual(unknown.body);
    });

    it("applies a role change to the user's existing token at once", async () => {
      const admin = await c.given.admin();
      const user = await c.given.user();
      await c.api.as(user).get('/api/admin/users').expect(403);

      await c.api.as(admin).patch(`/api/users/${user.id}`).send({ role: 'admin' }).expect(200);

      const res = await c.api.as(user).get('/api/admin/users');

      expect(res.status).toBe(200);
    });

    it("revokes a deleted user's token: 401 afterwards", async () => {
      const user = await c.given.user();

      await c.api.as(user).delete(`/api/users/${user.id}`).expect(204);

      expect(await c.api.as(user).get('/api/profile')).toBeProblem(401);
    });

    it('stores emails trimmed and lower-cased, and signs in with any case', async () => {
      const body = { ...c.given.attributes(), email: '  Mixed.Case@Example.TEST ' };

      const res = await c.api.post('/api/auth/register').send(body).expect(201);

      expect(res.body).toMatchObject({ email: 'mixed.case@example.test' });
    });

    it('never sends a password, a hash or a verification token in any body', async () => {
      const admin = await c.given.admin();
      const registered = await c.api.post('/api/auth/register').send(c.given.attributes());
      const { email } = registered.body as { email: string; id: string };
      const token = tokenFromLastEmail(c.mailer, email);
      const bodies = [
        registered.text,
        (await c.api.post('/api/auth/verify-email').send({ token })).text,
        (await c.api.as(admin).get('/api/admin/users')).text,
        (await c.api.as(admin).get('/api/profile')).text,
        (await c.api.as(admin).post('/api/users').send(c.given.attributes())).text,
      ].join('\n');

      expect(bodies).not.toMatch(/password|\$argon2|hash/i);
      expect(bodies).not.toContain(PASSWORD);
      expect(bodies).not.toContain(token);
    });
  });
}
