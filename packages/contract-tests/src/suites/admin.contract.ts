import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** What only an admin may do (docs/api-contract.md#users). */
export function describeAdminContract(target: ContractTarget): void {
  describe(`${target.name} · admin contract`, () => {
    const c = useContractApp(target);

    describe('GET /api/admin/users', () => {
      it('returns a page of whole users, filtered by role and emailVerified', async () => {
        const admin = await c.given.admin();
        const unverified = await c.given.unverifiedUser();

        const admins = await c.api.as(admin).get('/api/admin/users?role=admin').expect(200);
        const pending = await c.api
          .as(admin)
          .get('/api/admin/users?emailVerified=false')
          .expect(200);

        expect(admins.body).toEqual({
          items: [expect.objectContaining({ id: admin.id, role: 'admin', email: admin.email })],
          total: 1,
          limit: 20,
          offset: 0,
        });
        expect(pending.body).toMatchObject({
          items: [{ id: unverified.id, emailVerified: false }],
          total: 1,
        });
      });

      it('returns 400 for an unknown role, a filter that is not a boolean and bad paging', async () => {
        const admin = await c.given.admin();
        const queries = ['role=root', 'emailVerified=yes', 'limit=101', 'offset=x'];

        const statuses = await Promise.all(
          queries.map(async (query) => [
            query,
            (await c.api.as(admin).get(`/api/admin/users?${query}`)).status,
          ]),
        );

        expect(Object.fromEntries(statuses)).toEqual(
          Object.fromEntries(queries.map((query) => [query, 400])),
        );
      });

      it('returns 403 to a user, saying it needs the admin role, and 401 to an anonymous caller', async () => {
        const user = await c.given.user();

        expect(await c.api.as(user).get('/api/admin/users')).toBeProblem(403, {
          detail: 'This needs the admin role.',
        });
        expect(await c.api.get('/api/admin/users')).toBeProblem(401);
      });
    });

    describe('POST /api/users', () => {
      it('creates a user with 201 and Location', async () => {
        const admin = await c.given.admin();
        const body = { ...c.given.attributes(), role: 'admin', emailVerified: true };

        const res = await c.api.as(admin).post('/api/users').send(body).expect(201);

        expect(res.body).toMatchObject({ email: body.email, role: 'admin', emailVerified: true });
        expect(res.headers.location).toBe(`/api/users/${(res.body as { id: string }).id}`);
      });

      it('returns 400 for invalid input and 409 for a taken email', async () => {
        const admin = await c.given.admin();

        const invalid = await c.api
          .as(admin)
          .post('/api/users')
          .send({ ...c.given.attributes(), role: 'root' });
        const taken = await c.api
          .as(admin)
          .post('/api/users')
          .send({ ...c.given.attributes(), email: admin.email });

        expect(invalid).toBeProblem(400, { errors: [{ path: 'role' }] });
        expect(taken).toBeProblem(409);
      });

      it('returns 403 to a user and 401 to an anonymous caller', async () => {
        const user = await c.given.user();

        expect(await c.api.as(user).post('/api/users').send(c.given.attributes())).toBeProblem(403);
        expect(await c.api.post('/api/users').send(c.given.attributes())).toBeProblem(401);
      });
    });

    describe('PATCH and DELETE on other users', () => {
      it("changes another user's role and record", async () => {
        const admin = await c.given.admin();
        const user = await c.given.user();

        const res = await c.api
          .as(admin)
          .patch(`/api/users/${user.id}`)
          .send({ role: 'admin', name: 'Made Admin' });

        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: user.id, role: 'admin', name: 'Made Admin' });
      });

      it('returns 403 when an admin changes their own role, says so, and the role stays', async () => {
        const admin = await c.given.admin();

        const res = await c.api.as(admin).patch(`/api/users/${admin.id}`).send({ role: 'user' });

        expect(res).toBeProblem(403, { detail: 'An admin cannot change their own role.' });
        expect(await c.api.as(admin).get('/api/profile')).toMatchObject({
          body: { role: 'admin' },
        });
      });

      it('lets an admin send their own role unchanged with the rest of a change', async () => {
        const admin = await c.given.admin();

        const res = await c.api
          .as(admin)
          .patch(`/api/users/${admin.id}`)
          .send({ role: 'admin', name: 'Still Admin' });

        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ role: 'admin', name: 'Still Admin' });
      });

      it('returns 403 to a user changing their own role, says only an admin can, and the role stays', async () => {
        const user = await c.given.user();

        const res = await c.api.as(user).patch(`/api/users/${user.id}`).send({ role: 'admin' });

        expect(res).toBeProblem(403, { detail: 'Only an admin can change a role.' });
        expect(await c.api.as(user).get('/api/profile')).toMatchObject({ body: { role: 'user' } });
      });

      it('deletes another user with 204, and returns 404 for an unknown id', async () => {
        const admin = await c.given.admin();
        const user = await c.given.user();

        const deleted = await c.api.as(admin).delete(`/api/users/${user.id}`);
        const unknown = await c.api.as(admin).delete(`/api/users/${UNKNOWN_ID}`);

        expect(deleted.status).toBe(204);
        expect(unknown).toBeProblem(404, { detail: 'No user with this id.' });
      });

      it('returns 404 to a change of an unknown id, a new email included, and mails no one', async () => {
        const admin = await c.given.admin();
        const email = c.given.email('nobody');

        const res = await c.api
          .as(admin)
          .patch(`/api/users/${UNKNOWN_ID}`)
          .send({ name: 'X', email });

        expect(res).toBeProblem(404, { detail: 'No user with this id.' });
        expect(c.mailer.sentTo(email)).toEqual([]);
      });

      it('reads any user whole', async () => {
        const admin = await c.given.admin();
        const user = await c.given.user();

        const res = await c.api.as(admin).get(`/api/users/${user.id}`).expect(200);

        expect(res.body).toMatchObject({ id: user.id, email: user.email, role: 'user' });
      });
    });
  });
}
