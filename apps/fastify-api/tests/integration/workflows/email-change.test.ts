// Workflow suite (3 of 4 kinds): changing an email address resets verification, sends a new
// email to the new address, and only the new token verifies it. See docs/fastify-api.md.
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

describe('changing the email address', () => {
  it('marks the user unverified and emails a token to the new address', async () => {
    const user = await t.given.user();
    const newEmail = t.given.email();

    const res = await t.api.as(user).patch(`/api/users/${user.id}`).send({ email: newEmail });

    expect(res.body).toMatchObject({ email: newEmail, emailVerified: false });
    expect(await t.repos.users.findById(user.id)).toMatchObject({
      email: newEmail,
      emailVerified: false,
    });
    expect(t.mailer.sentTo(newEmail)).toHaveLength(1);
    expect(t.mailer.sentTo(user.email)).toHaveLength(0);
  });

  it('blocks sign-in until the new address is verified, then allows it', async () => {
    const user = await t.given.user();
    const newEmail = t.given.email();
    await t.api.as(user).patch(`/api/users/${user.id}`).send({ email: newEmail }).expect(200);

    const before = await t.api
      .post('/api/auth/login')
      .send({ email: newEmail, password: user.password });
    await t.api
      .post('/api/auth/verify-email')
      .send({ token: tokenFromLastEmail(t.mailer, newEmail) })
      .expect(200);
    const after = await t.api
      .post('/api/auth/login')
      .send({ email: newEmail, password: user.password });

    expect(before).toBeProblem(403);
    expect(after.status).toBe(200);
  });

  it('makes a token sent to the old address useless', async () => {
    const user = await t.given.unverifiedUser();
    await t.api
      .as(user)
      .patch(`/api/users/${user.id}`)
      .send({ email: t.given.email() })
      .expect(200);
    const firstToken = tokenFromLastEmail(t.mailer, (await t.repos.users.findById(user.id))!.email);
    await t.api
      .as(user)
      .patch(`/api/users/${user.id}`)
      .send({ email: t.given.email() })
      .expect(200);

    const res = await t.api.post('/api/auth/verify-email').send({ token: firstToken });

    expect(res).toBeProblem(400);
  });

  it('keeps the verification when the same email is sent again in another case', async () => {
    const user = await t.given.user();

    const res = await t.api
      .as(user)
      .patch(`/api/users/${user.id}`)
      .send({ email: user.email.toUpperCase() });

    expect(res.body).toMatchObject({ email: user.email, emailVerified: true });
    expect(t.mailer.sent).toHaveLength(0);
  });

  it('answers 503 and changes nothing when the email cannot be sent', async () => {
    const user = await t.given.user();
    t.mailer.failNext();

    const res = await t.api
      .as(user)
      .patch(`/api/users/${user.id}`)
      .send({ email: t.given.email() });

    expect(res).toBeProblem(503);
    expect(await t.repos.users.findById(user.id)).toMatchObject({
      email: user.email,
      emailVerified: true,
    });
  });
});
