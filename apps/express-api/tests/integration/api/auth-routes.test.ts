// API suite (1 of 4 kinds): each auth route through real HTTP and the real database, with
// success, validation, conflict and the response shape, and the database checked after each
// write. See docs/express-api.md.
import { useTestApp } from '../../helpers/test-app';
import { tokenFromLastEmail } from '../../helpers/mail';

const t = useTestApp();

const userShape = (fields: Record<string, unknown>) => ({
  id: expect.any(String),
  role: 'user',
  createdAt: expect.any(String),
  updatedAt: expect.any(String),
  ...fields,
});

describe('POST /api/auth/register', () => {
  it('creates an unverified user and answers 201 with the user and its Location', async () => {
    const body = t.given.attributes({ email: '  New.Person@Example.TEST ' });

    const res = await t.api
      .post('/api/auth/register')
      .send({ name: body.name, email: body.email, password: body.password });

    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      userShape({ name: body.name, email: 'new.person@example.test', emailVerified: false }),
    );
    const { id } = res.body as { id: string };
    expect(res.headers.location).toBe(`/api/users/${id}`);
    expect(await t.repos.users.findById(id)).toMatchObject({
      email: 'new.person@example.test',
      emailVerified: false,
    });
  });

  it('sends exactly one verification email and stores only the hash of its token', async () => {
    const { name, email, password } = t.given.attributes();

    const res = await t.api.post('/api/auth/register').send({ name, email, password });

    expect(t.mailer.sentTo(email)).toHaveLength(1);
    const token = tokenFromLastEmail(t.mailer, email);
    const rows = await t.dataSource.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM email_verifications WHERE user_id = $1',
      [(res.body as { id: string }).id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(JSON.stringify(res.body)).not.toContain(token);
  });

  it('never returns the password, and stores it as Argon2id at the configured cost', async () => {
    const { name, email, password } = t.given.attributes();

    const res = await t.api.post('/api/auth/register').send({ name, email, password });

    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
    const stored = await t.repos.users.findByEmail(email);
    // The test configuration's cost (memory 8 KiB, 1 pass, 1 lane), not the library's default.
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
  });

  it('returns 409 naming the email when the email is already taken, in any case', async () => {
    const existing = await t.given.user();
    const { name, password } = t.given.attributes();

    const res = await t.api
      .post('/api/auth/register')
      .send({ name, email: existing.email.toUpperCase(), password });

    expect(res).toBeProblem(409, { detail: expect.stringContaining('email') });
    expect(t.mailer.sent).toHaveLength(0);
  });

  it.each([
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(101) }],
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short' }],
    ['password', { password: 'x'.repeat(129) }],
    ['role', { role: 'admin' }],
  ])('returns 400 with an error on %s for %j', async (path, override) => {
    const { name, email, password } = t.given.attributes();

    const res = await t.api.post('/api/auth/register').send({ name, email, password, ...override });

    expect(res).toBeProblem(400, { errors: [{ path }] });
    expect(await t.repos.users.findByEmail(email)).toBeUndefined();
  });

  it('returns 400 listing every missing field', async () => {
    const res = await t.api.post('/api/auth/register').send({});

    expect(res).toBeProblem(400, {
      errors: [{ path: 'name' }, { path: 'email' }, { path: 'password' }],
    });
  });
});

describe('POST /api/auth/verify-email', () => {
  it('verifies the email and answers 200 with the verified user', async () => {
    const { name, email, password } = t.given.attributes();
    await t.api.post('/api/auth/register').send({ name, email, password }).expect(201);

    const res = await t.api
      .post('/api/auth/verify-email')
      .send({ token: tokenFromLastEmail(t.mailer, email) });

    expect(res.status).toBe(200);
    expect(res.body).toEqual(userShape({ name, email, emailVerified: true }));
    expect(await t.repos.users.findByEmail(email)).toMatchObject({ emailVerified: true });
  });

  it('returns 400 for an unknown token', async () => {
    const res = await t.api.post('/api/auth/verify-email').send({ token: 'no-such-token' });

    expect(res).toBeProblem(400);
  });

  it('returns 400 with an error on token when the token is missing', async () => {
    const res = await t.api.post('/api/auth/verify-email').send({});

    expect(res).toBeProblem(400, { errors: [{ path: 'token' }] });
  });
});

describe('POST /api/auth/login', () => {
  it('answers 200 with a bearer access token for the right password', async () => {
    const user = await t.given.user();

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 900,
    });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const user = await t.given.user();

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: ` ${user.email.toUpperCase()} `, password: user.password });

    expect(res.status).toBe(200);
  });

  it('returns the same 401 for an unknown email and for a wrong password', async () => {
    const user = await t.given.user();

    const unknown = await t.api
      .post('/api/auth/login')
      .send({ email: t.given.email(), password: user.password });
    const wrong = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: 'wrong password' });

    expect(unknown).toBeProblem(401);
    expect(wrong).toBeProblem(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
  });

  it('returns 403 for the right password when the email is not verified', async () => {
    const user = await t.given.unverifiedUser();

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res).toBeProblem(403);
  });

  it('returns 400 when the password is missing', async () => {
    const res = await t.api.post('/api/auth/login').send({ email: t.given.email() });

    expect(res).toBeProblem(400, { errors: [{ path: 'password' }] });
  });
});

describe('GET /api/profile', () => {
  it("answers 200 with the caller's user", async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).get('/api/profile');

    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      userShape({ id: user.id, name: user.name, email: user.email, emailVerified: true }),
    );
  });

  it('returns 401 without a token', async () => {
    const res = await t.api.get('/api/profile');

    expect(res).toBeProblem(401);
  });
});
