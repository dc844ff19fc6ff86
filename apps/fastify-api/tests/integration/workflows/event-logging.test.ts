// Workflow suite (3 of 4 kinds): the events a journey leaves in the structured logs, read
// through test-utils' LogRecorder — and that no password, token or hash is ever among them.
// See docs/fastify-api.md.
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

describe('event logs', () => {
  it('logs registration, verification, logins and a deletion as events', async () => {
    const { name, email, password } = t.given.attributes();
    const registered = await t.api.post('/api/auth/register').send({ name, email, password });
    const { id } = registered.body as { id: string };
    await t.api.post('/api/auth/verify-email').send({ token: tokenFromLastEmail(t.mailer, email) });
    await t.api.post('/api/auth/login').send({ email, password: 'not the password' });
    const token = await t.api.login(email, password);

    await t.api.as({ token }).delete(`/api/users/${id}`).expect(204);

    expect(t.logs.events('user_registered')).toEqual([expect.objectContaining({ userId: id })]);
    expect(t.logs.events('email_verified')).toEqual([expect.objectContaining({ userId: id })]);
    expect(t.logs.events('login_failed')).toEqual([
      expect.objectContaining({ level: 40, email, reason: 'wrong_password' }),
    ]);
    expect(t.logs.events('login_succeeded')).toEqual([expect.objectContaining({ userId: id })]);
    expect(t.logs.events('user_deleted')).toEqual([
      expect.objectContaining({ userId: id, by: id }),
    ]);
  });

  it('never logs a password, a verification token, an access token or a hash', async () => {
    const { name, email, password } = t.given.attributes();
    await t.api.post('/api/auth/register').send({ name, email, password });
    const verificationToken = tokenFromLastEmail(t.mailer, email);
    await t.api.post('/api/auth/verify-email').send({ token: verificationToken });
    await t.api.post('/api/auth/login').send({ email, password: `${password}-wrong` });
    const accessToken = await t.api.login(email, password);
    await t.api.as({ token: accessToken }).get('/api/profile');
    const stored = await t.repos.users.findByEmail(email);

    const logged = t.logs.text();

    for (const secret of [password, verificationToken, accessToken, stored!.passwordHash]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/argon2/);
  });
});
