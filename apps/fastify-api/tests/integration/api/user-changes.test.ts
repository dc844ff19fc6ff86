// API suite (1 of 4 kinds): changing and deleting users. After each write the test reads the
// database through the repository, not only the response. See docs/fastify-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('PATCH /api/users/{id}', () => {
  it('changes the name of the caller and answers the whole user, the email still verified and nothing mailed', async () => {
    const user = await t.given.user();
    t.clock.advance({ minutes: 5 });

    const res = await t.api.as(user).patch(`/api/users/${user.id}`).send({ name: 'New Name' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: user.id,
      name: 'New Name',
      email: user.email,
      emailVerified: true,
      createdAt: user.createdAt.toISOString(),
      updatedAt: t.clock.now().toISOString(),
    });
    expect(await t.repos.users.findById(user.id)).toMatchObject({
      name: 'New Name',
      emailVerified: true,
    });
    expect(t.mailer.sent).toEqual([]);
  });

  it('lets an admin change the role of another user', async () => {
    const [admin, user] = [await t.given.admin(), await t.given.user()];

    const res = await t.api.as(admin).patch(`/api/users/${user.id}`).send({ role: 'admin' });

    expect(res.body).toMatchObject({ role: 'admin' });
    expect(await t.repos.users.findById(user.id)).toMatchObject({ role: 'admin' });
  });

  it('returns 409 when the new email belongs to someone else', async () => {
    const [user, other] = [await t.given.user(), await t.given.user()];

    const res = await t.api.as(user).patch(`/api/users/${user.id}`).send({ email: other.email });

    expect(res).toBeProblem(409, { detail: expect.stringContaining('email') });
    expect(await t.repos.users.findById(user.id)).toMatchObject({ email: user.email });
  });

  it.each([
    ['an empty body', {}, ''],
    ['an unknown field', { password: 'new password' }, 'password'],
    ['an empty name', { name: '' }, 'name'],
    ['an invalid email', { email: 'nope' }, 'email'],
    ['an unknown role', { role: 'root' }, 'role'],
  ])('returns 400 for %s, and changes, mails and logs nothing', async (_case, body, path) => {
    const admin = await t.given.admin();
    const before = await t.repos.users.findById(admin.id);

    const res = await t.api.as(admin).patch(`/api/users/${admin.id}`).send(body);

    expect(res).toBeProblem(400, { errors: [{ path }] });
    expect(await t.repos.users.findById(admin.id)).toEqual(before);
    expect(t.mailer.sent).toEqual([]);
    expect(t.logs.entries.filter((entry) => 'event' in entry)).toEqual([]);
  });

  it('returns 404 to an admin for a well-formed unknown id', async () => {
    const admin = await t.given.admin();

    const res = await t.api.as(admin).patch(`/api/users/${UNKNOWN_ID}`).send({ name: 'Nobody' });

    expect(res).toBeProblem(404);
  });

  it('returns 400 for a malformed id', async () => {
    const admin = await t.given.admin();

    const res = await t.api.as(admin).patch('/api/users/42').send({ name: 'Nobody' });

    expect(res).toBeProblem(400, { errors: [{ path: 'id' }] });
  });
});

describe('DELETE /api/users/{id}', () => {
  it('deletes the caller, with their verification records, and answers 204', async () => {
    const user = await t.given.user();
    await t.api
      .as(user)
      .patch(`/api/users/${user.id}`)
      .send({ email: t.given.email() })
      .expect(200);
    expect(await t.repos.verifications.countForUser(user.id)).toBe(1);

    const res = await t.api.as(user).delete(`/api/users/${user.id}`);

    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await t.repos.users.findById(user.id)).toBeUndefined();
    expect(await t.repos.verifications.countForUser(user.id)).toBe(0);
  });

  it('lets an admin delete another user', async () => {
    const [admin, user] = [await t.given.admin(), await t.given.user()];

    const res = await t.api.as(admin).delete(`/api/users/${user.id}`);

    expect(res.status).toBe(204);
    expect(await t.repos.users.findById(user.id)).toBeUndefined();
  });

  it('returns 404 to an admin for a well-formed unknown id', async () => {
    const admin = await t.given.admin();

    const res = await t.api.as(admin).delete(`/api/users/${UNKNOWN_ID}`);

    expect(res).toBeProblem(404);
  });

  it('returns 400 for a malformed id', async () => {
    const admin = await t.given.admin();

    const res = await t.api.as(admin).delete('/api/users/42');

    expect(res).toBeProblem(400, { errors: [{ path: 'id' }] });
  });

  it('returns 403 to a user deleting someone else, and deletes nothing', async () => {
    const [user, other] = [await t.given.user(), await t.given.user()];

    const res = await t.api.as(user).delete(`/api/users/${other.id}`);

    expect(res).toBeProblem(403);
    expect(await t.repos.users.findById(other.id)).toBeDefined();
  });
});
