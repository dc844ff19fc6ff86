// Workflow suite (3 of 4 kinds): a user's journey across routes, through the real mail edge
// (FakeMailer) and a controlled clock (FakeClock) — register, read the email, verify, sign
// in, see the profile — and each way that journey can break. See docs/express-api.md.
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

async function register() {
  const { name, email, password } = t.given.attributes();
  const res = await t.api.post('/api/auth/register').send({ name, email, password });
  return { res, name, email, password };
}

describe('registration to profile', () => {
  it('registers, verifies through the emailed token, signs in and reads the profile', async () => {
    const { res: registered, name, email, password } = await register();
    const token = tokenFromLastEmail(t.mailer, email);

    const verified = await t.api.post('/api/auth/verify-email').send({ token });
    const accessToken = await t.api.login(email, password);
    const profile = await t.api.as({ token: accessToken }).get('/api/profile');

    expect(registered.status).toBe(201);
    expect(verified.status).toBe(200);
    expect(profile.body).toMatchObject({ name, email, emailVerified: true, role: 'user' });
  });

  it('puts the token into a verification link in the email text', async () => {
    const { email } = await register();

    const message = t.mailer.lastTo(email);

    expect(message?.text).toMatch(/http:\/\/app\.test\/verify-email\?token=[\w-]{43}/);
  });

  it('refuses to sign in before the email is verified with 403, and says so', async () => {
    const { email, password } = await register();

    const res = await t.api.post('/api/auth/login').send({ email, password });

    expect(res).toBeProblem(403, { detail: expect.stringMatching(/verify your email/i) });
  });

  it('refuses a token that was already used with 400', async () => {
    const { email } = await register();
    const token = tokenFromLastEmail(t.mailer, email);
    await t.api.post('/api/auth/verify-email').send({ token }).expect(200);

    const res = await t.api.post('/api/auth/verify-email').send({ token });

    expect(res).toBeProblem(400);
  });

  it('refuses a token after 24 hours with the same 400 as an unknown token', async () => {
    const { email } = await register();
    const token = tokenFromLastEmail(t.mailer, email);
    t.clock.advance({ hours: 24, seconds: 1 });

    const expired = await t.api.post('/api/auth/verify-email').send({ token });
    const unknown = await t.api.post('/api/auth/verify-email').send({ token: 'unknown-token' });

    expect(expired).toBeProblem(400);
    expect(expired.body).toEqual(unknown.body);
    expect(await t.repos.users.findByEmail(email)).toMatchObject({ emailVerified: false });
  });

  it('still accepts a token just before 24 hours have passed', async () => {
    const { email } = await register();
    t.clock.advance({ hours: 23, minutes: 59 });

    const res = await t.api
      .post('/api/auth/verify-email')
      .send({ token: tokenFromLastEmail(t.mailer, email) });

    expect(res.status).toBe(200);
  });
});

describe('registration when mail is down', () => {
  it('answers 503 and leaves no user and no verification record behind', async () => {
    t.mailer.failNext();

    const { res, email } = await register();

    expect(res).toBeProblem(503);
    expect(await t.repos.users.findByEmail(email)).toBeUndefined();
    const [{ count }] = await t.dataSource.query<[{ count: number }]>(
      'SELECT count(*)::int AS count FROM email_verifications',
    );
    expect(count).toBe(0);
  });

  it('lets the same email register once mail works again', async () => {
    const { name, email, password } = t.given.attributes();
    t.mailer.failNext();
    await t.api.post('/api/auth/register').send({ name, email, password }).expect(503);

    const res = await t.api.post('/api/auth/register').send({ name, email, password });

    expect(res.status).toBe(201);
    expect(t.mailer.sentTo(email)).toHaveLength(1);
  });
});
