// API suite (1 of 4 kinds): the admin's list of users, its filters, paging and shape, run
// against the real database with data each test makes through factories.
// See docs/express-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

describe('GET /api/admin/users', () => {
  it('answers a page of whole users to an admin', async () => {
    const admin = await t.given.admin();
    const user = await t.given.user();

    const res = await t.api.as(admin).get('/api/admin/users');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({ id: admin.id, role: 'admin' }),
        expect.objectContaining({ id: user.id, email: user.email }),
      ],
      total: 2,
      limit: 20,
      offset: 0,
    });
  });

  it('filters by role', async () => {
    const admin = await t.given.admin();
    await t.given.users.createMany(2);

    const res = await t.api.as(admin).get('/api/admin/users?role=admin');

    expect(res.body).toMatchObject({ items: [{ id: admin.id }], total: 1 });
  });

  it('filters by emailVerified=true', async () => {
    const admin = await t.given.admin();
    const verified = await t.given.user();
    await t.given.unverifiedUser();

    const res = await t.api.as(admin).get('/api/admin/users?emailVerified=true');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      items: [{ id: admin.id }, { id: verified.id, emailVerified: true }],
      total: 2,
    });
  });

  it('filters by emailVerified=false', async () => {
    const admin = await t.given.admin();
    const unverified = await t.given.unverifiedUser();

    const res = await t.api.as(admin).get('/api/admin/users?emailVerified=false');

    expect(res.body).toMatchObject({
      items: [{ id: unverified.id, emailVerified: false }],
      total: 1,
    });
  });

  it('combines filters with paging', async () => {
    const admin = await t.given.admin();
    const users = await t.given.users.createMany(3, { emailVerified: false });

    const res = await t.api
      .as(admin)
      .get('/api/admin/users?role=user&emailVerified=false&limit=1&offset=1');

    expect(res.body).toMatchObject({
      items: [{ id: users[1]!.id }],
      total: 3,
      limit: 1,
      offset: 1,
    });
  });

  it.each(['role=root', 'emailVerified=yes', 'limit=1000'])(
    'returns 400 for the bad filter %s',
    async (query) => {
      const admin = await t.given.admin();

      const res = await t.api.as(admin).get(`/api/admin/users?${query}`);

      expect(res).toBeProblem(400, { errors: [{ path: query.split('=')[0] }] });
    },
  );
});
