import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The users routes, route × caller × outcome (docs/api-contract.md#users). */
export function describeUsersContract(target: ContractTarget): void {
  describe(`${target.name} · users contract`, () => {
    const c = useContractApp(target);

    describe('GET /api/users', () => {
      it('returns a page of summaries, 20 by default, ordered by creation', async () => {
        const first = await c.given.user();
        const second = await c.given.user();

        const res = await c.api.as(second).get('/api/users').expect(200);

        expect(res.body).toEqual({
          items: [
            { id: first.id, name: first.name },
            { id: second.id, name: second.name },
          ],
          total: 2,
          limit: 20,
          offset: 0,
        });
      });

      it('pages with limit and offset, up to 100', async () => {
        const user = await c.given.user();
        const second = await c.given.user();

        const res = await c.api.as(user).get('/api/users?limit=100&offset=1').expect(200);

        expect(res.body).toEqual({
          items: [{ id: second.id, name: second.name }],
          total: 2,
          limit: 100,
          offset: 1,
        });
      });

      it('returns 400 for a limit outside 1–100, a negative offset and values that are not integers', async () => {
        const user = await c.given.user();
        const queries = ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'offset=-1'];

        const statuses = await Promise.all(
          queries.map(async (query) => [
            query,
            (await c.api.as(user).get(`/api/users?${query}`)).status,
          ]),
        );

        expect(Object.fromEntries(statuses)).toEqual(
          Object.fromEntries(queries.map((query) => [query, 400])),
        );
      });

      it('returns 401 to an anonymous caller', async () => {
        expect(await c.api.get('/api/users')).toBeProblem(401);
      });
    });

    describe('GET /api/users/{id}', () => {
      it('returns the whole user to oneself and a summary to anyone else', async () => {
        const user = await c.given.user();
        const other = await c.given.user();

        const own = await c.api.as(user).get(`/api/users/${user.id}`).expect(200);
        const others = await c.api.as(other).get(`/api/users/${user.id}`).expect(200);

        expect(own.body).toMatchObject({ id: user.id, email: user.email, role: 'user' });
        expect(others.body).toEqual({ id: user.id, name: user.name });
      });

      it('returns 404 for an unknown id, 400 for a malformed one', async () => {
        const user = await c.given.user();

        expect(await c.api.as(user).get(`/api/users/${UNKNOWN_ID}`)).toBeProblem(404);
        expect(await c.api.as(user).get('/api/users/not-a-uuid')).toBeProblem(400);
      });
    });

    describe('PATCH /api/users/{id}', () => {
      it("changes one's own name", async () => {
        const user = await c.given.user();

        const res = await c.api.as(user).patch(`/api/users/${user.id}`).send({ name: 'New Name' });

        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: user.id, name: 'New Name' });
      });

      it('unverifies a changed email and sends a verification email to the new address', async () => {
        const user = await c.given.user();
        const email = c.given.email('changed');

        const res = await c.api.as(user).patch(`/api/users/${user.id}`).send({ email });

        expect(res.body).toMatchObject({ email, emailVerified: false });
        expect(c.mailer.sentTo(email)).toHaveLength(1);
      });

      it.each([
        ["another user's record", async () => (await c.given.user()).id, { name: 'X' }],
        ['an unknown record', () => Promise.resolve(UNKNOWN_ID), { name: 'X' }],
        ['a role change', undefined, { role: 'admin' }],
      ])('returns 403 to a non-admin for %s', async (_case, idOf, body) => {
        const user = await c.given.user();
        const id = idOf ? await idOf() : user.id;

        const res = await c.api.as(user).patch(`/api/users/${id}`).send(body);

        expect(res).toBeProblem(403);
      });

      it.each([
        ['an empty body', {}],
        ['an unknown field', { nickname: 'x' }],
        ['an invalid value', { name: '' }],
      ])('returns 400 for %s', async (_case, body) => {
        const user = await c.given.user();

        expect(await c.api.as(user).patch(`/api/users/${user.id}`).send(body)).toBeProblem(400);
      });

      it('returns 409 when the new email is taken', async () => {
        const user = await c.given.user();
        const other = await c.given.user();

        const res = await c.api
          .as(user)
          .patch(`/api/users/${user.id}`)
          .send({ email: other.email });

        expect(res).toBeProblem(409);
      });

      it('returns 401 to an anonymous caller', async () => {
        expect(await c.api.patch(`/api/users/${UNKNOWN_ID}`).send({ name: 'X' })).toBeProblem(401);
      });
    });

    describe('DELETE /api/users/{id}', () => {
      it("deletes one's own record with 204, after which it is gone", async () => {
        const user = await c.given.user();
        const other = await c.given.user();

        const res = await c.api.as(user).delete(`/api/users/${user.id}`);

        expect(res.status).toBe(204);
        expect(res.text).toBe('');
        expect(await c.api.as(other).get(`/api/users/${user.id}`)).toBeProblem(404);
      });

      it('returns 403 to a non-admin for another record, whether or not it exists, with one detail', async () => {
        const user = await c.given.user();
        const other = await c.given.user();
        const detail = 'You can only change your own account.';

        expect(await c.api.as(user).delete(`/api/users/${other.id}`)).toBeProblem(403, { detail });
        expect(await c.api.as(user).delete(`/api/users/${UNKNOWN_ID}`)).toBeProblem(403, {
          detail,
        });
      });

      it('returns 401 to an anonymous caller', async () => {
        expect(await c.api.delete(`/api/users/${UNKNOWN_ID}`)).toBeProblem(401);
      });
    });
  });
}
