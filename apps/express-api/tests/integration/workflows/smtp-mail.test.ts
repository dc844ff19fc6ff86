// Workflow suite (3 of 4 kinds), with a real server at the mail edge: the SMTP transport that
// production uses (MAIL_TRANSPORT=smtp), talking to an SMTP server on loopback (test-utils'
// catcher). The FakeMailer covers what the app does with mail; this covers the transport code,
// the wire protocol and the ways a server fails. See docs/external-services.md.
import { tokenFromLastEmail } from '../../helpers/mail';
import { smtpMailerFor, useSmtpCatcher } from '../../helpers/smtp';
import { useTestApp } from '../../helpers/test-app';

const SMTP_PASSWORD = 'smtp-password-that-never-leaves-the-app';
const smtp = useSmtpCatcher();
const t = useTestApp(
  {},
  { mailer: (clock) => smtpMailerFor(smtp.url.replace('//', `//mailer:${SMTP_PASSWORD}@`), clock) },
);

async function register() {
  const { name, email, password } = t.given.attributes();
  const res = await t.api.post('/api/auth/register').send({ name, email, password });
  return { res, email };
}

async function verificationCount(): Promise<number> {
  const [{ count }] = await t.dataSource.query<[{ count: number }]>(
    'SELECT count(*)::int AS count FROM email_verifications',
  );
  return count;
}

describe('registration mailed over SMTP', () => {
  it('delivers the verification email from MAIL_FROM to the new address, signed in with SMTP_URL', async () => {
    const { res, email } = await register();

    expect(res.status).toBe(201);
    expect(smtp.messages).toEqual([
      {
        envelope: { from: 'no-reply@app.test', to: [email] },
        // MAIL_FROM (helpers/smtp.ts), as the From header.
        from: { name: 'Testbed', address: 'no-reply@app.test' },
        to: [email],
        subject: 'Verify your email address',
        text: expect.stringMatching(/http:\/\/app\.test\/verify-email\?token=[\w-]{43}\n/),
        user: 'mailer',
      },
    ]);
  });

  it('verifies the user with the token from the link in the mail that arrived', async () => {
    const { email } = await register();

    const res = await t.api
      .post('/api/auth/verify-email')
      .send({ token: tokenFromLastEmail(smtp, email) });

    expect(res.status).toBe(200);
    expect(await t.repos.users.findByEmail(email)).toMatchObject({ emailVerified: true });
  });

  it('mails the user an admin creates unverified', async () => {
    const admin = await t.given.admin();
    const { name, email, password } = t.given.attributes();

    const res = await t.api
      .as(admin)
      .post('/api/users')
      .send({ name, email, password, emailVerified: false });

    expect(res.status).toBe(201);
    expect(smtp.sentTo(email)).toEqual([expect.objectContaining({ to: [email] })]);
  });
});

describe('registration when the SMTP server fails', () => {
  it.each([
    ['refuses the message', () => smtp.refuseNext({ at: 'data', code: 550 })],
    ['refuses the recipient', () => smtp.refuseNext({ at: 'rcpt', code: 550 })],
    ['refuses the sign-in', () => smtp.refuseNext({ at: 'auth', code: 535 })],
    ['drops the connection', () => smtp.dropNext()],
    ['never greets', () => smtp.neverGreetNext()],
  ])('answers 503 and leaves no user and no token when the server %s', async (_failure, fail) => {
    fail();

    const { res, email } = await register();

    expect(res).toBeProblem(503);
    expect(await t.repos.users.findByEmail(email)).toBeUndefined();
    expect(await verificationCount()).toBe(0);
    expect(t.logs.events('mail_failed')).toEqual([
      expect.objectContaining({ userId: expect.any(String), reason: expect.any(String) }),
    ]);
    expect(t.logs.text()).not.toContain(SMTP_PASSWORD);
  });

  it('lets the same email register once the server takes mail again', async () => {
    const { name, email, password } = t.given.attributes();
    smtp.refuseNext();
    await t.api.post('/api/auth/register').send({ name, email, password }).expect(503);

    const res = await t.api.post('/api/auth/register').send({ name, email, password });

    expect(res.status).toBe(201);
    expect(smtp.sentTo(email)).toHaveLength(1);
  });

  it('answers an admin create with 503 and keeps no user when the server refuses', async () => {
    const admin = await t.given.admin();
    const { name, email, password } = t.given.attributes();
    smtp.refuseNext();

    const res = await t.api
      .as(admin)
      .post('/api/users')
      .send({ name, email, password, emailVerified: false });

    expect(res).toBeProblem(503);
    expect(await t.repos.users.findByEmail(email)).toBeUndefined();
  });
});
