// Workflow suite (3 of 4 kinds): an admin creates a user (POST /api/users), and what the act
// leaves in the database, the mailbox and the logs — including when mail is down or the request
// is refused. Sharpened by mutation testing (docs/mutation-testing.md).
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

async function countRows(table: 'users' | 'email_verifications'): Promise<number> {
  const [row] = await t.dataSource.query<[{ count: number }]>(
    `SELECT count(*)::int AS count FROM ${table}`,
  );
  return row.count;
}

describe('POST /api/users, what it leaves behind', () => {
  it('logs user_created by the admin who created the user', async () => {
    const admin = await t.given.admin();
    const { name, email, password } = t.given.attributes();

    const res = await t.api.as(admin).post('/api/users').send({ name, email, password });

    const { id } = res.body as { id: string };
    expect(t.logs.events('user_created')).toEqual([
      expect.objectContaining({ level: 30, userId: id, by: admin.id }),
    ]);
  });

  it('creates a user marked verified without mailing them or storing a verification record', async () => {
    const admin = await t.given.admin();
    const { name, email, password } = t.given.attributes();

    const res = await t.api
      .as(admin)
      .post('/api/users')
      .send({ name, email, password, emailVerified: true });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, emailVerified: true });
    expect(t.mailer.sent).toEqual([]);
    expect(await countRows('email_verifications')).toBe(0);
  });

  it('answers 503 when the verification email cannot be sent, and leaves no user, record or user_created behind', async () => {
    const admin = await t.given.admin();
    const { name, email, password } = t.given.attributes();
    t.mailer.failNext();

    const res = await t.api.as(admin).post('/api/users').send({ name, email, password });

    expect(res).toBeProblem(503, { detail: expect.stringMatching(/email could not be sent/i) });
    expect(await t.repos.users.findByEmail(email)).toBeUndefined();
    expect(await countRows('email_verifications')).toBe(0);
    expect(t.mailer.sent).toEqual([]);
    expect(t.logs.events('user_created')).toEqual([]);
    expect(t.logs.events('mail_failed')).toEqual([
      expect.objectContaining({ level: 40, userId: expect.any(String) }),
    ]);
  });

  it.each([
    ['409 for a taken email', 409, (email: string) => ({ email })],
    ['400 for an unknown field', 400, () => ({ nickname: 'x' })],
    ['400 for a short password', 400, () => ({ password: 'short' })],
  ])('answers %s and writes, mails and logs nothing', async (_case, status, change) => {
    const [admin, existing] = [await t.given.admin(), await t.given.user()];
    const body = { ...t.given.attributes(), ...change(existing.email) };
    const usersBefore = await countRows('users');

    const res = await t.api.as(admin).post('/api/users').send(body);

    expect(res).toBeProblem(status);
    expect(await countRows('users')).toBe(usersBefore);
    expect(await countRows('email_verifications')).toBe(0);
    expect(t.mailer.sent).toEqual([]);
    expect(t.logs.events('user_created')).toEqual([]);
  });
});
