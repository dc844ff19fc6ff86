// API suite (1 of 4 kinds): listing, reading and creating users — paging, shapes, 404, 409
// and validation — against the real database, with data each test makes through factories
// and the database read back after a write. See docs/fastify-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

const summaryOf = (user: { id: string; name: string }) => ({ id: user.id, name: user.name });

describe('GET /api/users', () => {
  it('answers a page of summaries ordered by creation, with the default limit', async () => {
    const users = await t.given.users.createMany(3);

    const res = await t.api.as(users[0]!).get('/api/users');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: users.map(summaryOf), total: 3, limit: 20, offset: 0 });
  });

  it('pages with limit and offset, and counts every user in total', async () => {
    const users = await t.given.users.createMany(5);

    const res = await t.api.as(users[0]!).get('/api/users?limit=2&offset=2');

    expect(res.body).toEqual({
      items: users.slice(2, 4).map(summaryOf),
      total: 5,
      limit: 2,
      offset: 2,
    });
  });

  it.each(['limit=0', 'limit=101', 'limit=abc', 'offset=-1', 'limit=1.5'])(
    'returns 400 for the bad paging %s',
    async (query) => {
      const caller = await t.given.user();

      const res = await t.api.as(caller).get(`/api/users?${query}`);

      expect(res).toBeProblem(400, { errors: [{ path: query.split('=')[0] }] });
    },
  );
});

describe('GET /api/users/{id}', () => {
  it('answers the whole user to the user themself', async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).get(`/api/users/${user.id}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      role: 'user',
      emailVerified: true,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    });
  });

  it('answers the whole user to an admin', async () => {
    const [user, admin] = [await t.given.user(), await t.given.admin()];

    const res = await t.api.as(admin).get(`/api/users/${user.id}`);

    expect(res.body).toMatchObject({ id: user.id, email: user.email });
  });

  it('answers only a summary to another user', async () => {
    const [user, other] = [await t.given.user(), await t.given.user()];

    const res = await t.api.as(other).get(`/api/users/${user.id}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual(summaryOf(user));
  });

  it('returns 404 for a well-formed id that no user has', async () => {
    const caller = await t.given.user();

    const res = await t.api.as(caller).get('/api/users/00000000-0000-4000-8000-000000000000');

    expect(res).toBeProblem(404);
  });

  it('returns 400 for a malformed id', async () => {
    const caller = await t.given.user();

    const res = await t.api.as(caller).get('/api/users/not-a-uuid');

    expect(res).toBeProblem(400, { errors: [{ path: 'id' }] });
  });
});

describe('POST /api/users', () => {
  it('creates a user as an admin and answers 201 with it and its Location', async () => {
    const admin = await t.given.admin();
    const body = t.given.attributes({ role: 'admin', emailVerified: true });

    const res = await t.api.as(admin).post('/api/users').send(body);

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: body.name,
      email: body.email,
      role: 'admin',
      emailVerified: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { id } = res.body as { id: string };
    expect(res.headers.location).toBe(`/api/users/${id}`);
    expect(await t.repos.users.findById(id)).toMatchObject({
      email: body.email,
      role: 'admin',
      emailVerified: true,
    });
  });

  it('defaults to an unverified user and sends that user a verification email', async () => {
    const admin = await t.given.admin();
    const { name, email, password } = t.given.attributes();

    const res = await t.api.as(admin).post('/api/users').send({ name, email, password });

    expect(res.body).toMatchObject({ role: 'user', emailVerified: false });
    expect(t.mailer.sentTo(email)).toHaveLength(1);
  });

  it('returns 409 when the email is already taken', async () => {
    const [admin, existing] = [await t.given.admin(), await t.given.user()];
    const body = t.given.attributes({ email: existing.email });

    const res = await t.api.as(admin).post('/api/users').send(body);

    expect(res).toBeProblem(409, { detail: expect.stringContaining('email') });
  });

  it('returns 400 for an unknown field', async () => {
    const admin = await t.given.admin();

    const res = await t.api
      .as(admin)
      .post('/api/users')
      .send({ ...t.given.attributes(), nickname: 'x' });

    expect(res).toBeProblem(400, { errors: [{ path: 'nickname' }] });
  });

  it('returns 403 to a user who is not an admin, and writes nothing', async () => {
    const user = await t.given.user();
    const body = t.given.attributes();

    const res = await t.api.as(user).post('/api/users').send(body);

    expect(res).toBeProblem(403);
    expect(await t.repos.users.findByEmail(body.email)).toBeUndefined();
  });
});
