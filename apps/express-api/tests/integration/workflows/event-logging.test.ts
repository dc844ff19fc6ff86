// Workflow suite (3 of 4 kinds): the events a journey leaves in the structured logs, read
// through test-utils' LogRecorder — and that no password, token or hash is ever among them.
// See docs/express-api.md.
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

// What pino adds to every line; the rest is what the app chose to log.
const LINE_FIELDS = new Set(['level', 'time', 'app', 'msg']);
const fieldsOf = (entry: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entry).filter(([key]) => !LINE_FIELDS.has(key)));

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
    expect(t.logs.events('login_failed')).toEqual([expect.objectContaining({ level: 40 })]);
    expect(t.logs.events('login_failed').map(fieldsOf)).toEqual([
      { event: 'login_failed', userId: id, reason: 'wrong_password', clientIp: '127.0.0.1' },
    ]);
    expect(t.logs.events('login_succeeded')).toEqual([expect.objectContaining({ userId: id })]);
    expect(t.logs.events('user_deleted')).toEqual([
      expect.objectContaining({ userId: id, by: id }),
    ]);
  });

  it('logs a login with an unknown email with nothing the caller typed', async () => {
    const typed = `Typed-${t.given.email()}`;

    await t.api.post('/api/auth/login').send({ email: typed, password: 'a password' }).expect(401);

    expect(t.logs.events('login_failed').map(fieldsOf)).toEqual([
      { event: 'login_failed', reason: 'unknown_email', clientIp: '127.0.0.1' },
    ]);
  });

  it('logs a throttled login with the client address and nothing the caller typed', async () => {
    const email = t.given.email();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await t.api.post('/api/auth/login').send({ email, password: 'wrong password' }).expect(401);
    }

    await t.api.post('/api/auth/login').send({ email, password: 'wrong password' }).expect(429);

    expect(t.logs.events('login_throttled').map(fieldsOf)).toEqual([
      { event: 'login_throttled', clientIp: '127.0.0.1' },
    ]);
  });

  it('logs a path it cannot decode as its request line at info, not as an unexpected error', async () => {
    await t.api.get('/api/users/%zz').expect(400);

    expect(t.logs.entries).toEqual([
      expect.objectContaining({ level: 30, msg: 'request completed' }),
    ]);
    expect(t.logs.entries.map(fieldsOf)).toEqual([
      {
        req: { method: 'GET', url: '/api/users/%zz' },
        res: { statusCode: 400 },
        responseTime: expect.any(Number),
      },
    ]);
  });

  it('logs how long the request took, no longer than the client waited', async () => {
    const sentAt = performance.now();
    await t.api.get('/health').expect(200);
    const waited = performance.now() - sentAt;

    const [line] = t.logs.entries.map(fieldsOf) as { responseTime: number }[];
    expect(line?.responseTime).toBeGreaterThanOrEqual(0);
    expect(line?.responseTime).toBeLessThanOrEqual(Math.ceil(waited));
  });

  it('logs a path with percent-encoded letters as it was sent, not as it was routed', async () => {
    await t.api.get('/%68ealth?probe=1').expect(200);

    expect(t.logs.entries.map(fieldsOf)).toEqual([
      {
        req: { method: 'GET', url: '/%68ealth' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      },
    ]);
  });

  it('logs no throttled login when the attempt could not be counted: a database error is no 429', async () => {
    const email = t.given.email();
    // A statement on the attempts fails, as it would in an outage, whatever the driver says.
    await t.dataSource.query('ALTER TABLE login_attempts RENAME TO login_attempts_away');
    try {
      const res = await t.api.post('/api/auth/login').send({ email, password: 'a password' });

      expect(res).toBeProblem(500);
      expect(t.logs.events('login_throttled')).toEqual([]);
    } finally {
      await t.dataSource.query('ALTER TABLE login_attempts_away RENAME TO login_attempts');
    }
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

describe('event logs of the limits on costly requests', () => {
  // One request each per window: the second is refused.
  const once = { max: 1, windowSeconds: 600 };
  const limited = useTestApp({
    rateLimits: { register: once, login: once, verifyEmail: once, verificationEmails: once },
  });

  it('logs each refusal as rate_limited, naming the limit and the address or account it counts', async () => {
    const user = await limited.given.user();
    const login = { email: user.email, password: user.password };
    const register = () => {
      const { name, email, password } = limited.given.attributes();
      return limited.api.post('/api/auth/register').send({ name, email, password });
    };
    await register().expect(201);
    await register().expect(429);
    await limited.api.post('/api/auth/login').send(login).expect(200);
    await limited.api.post('/api/auth/login').send(login).expect(429);
    await limited.api.post('/api/auth/verify-email').send({ token: 'a-token' }).expect(400);
    await limited.api.post('/api/auth/verify-email').send({ token: 'a-token' }).expect(429);
    const changeEmail = () =>
      limited.api.as(user).patch(`/api/users/${user.id}`).send({ email: limited.given.email() });
    await changeEmail().expect(200);

    const res = await changeEmail();

    expect(res).toBeProblem(429, {
      detail: 'Too many verification emails for this account. Try again later.',
    });
    expect(limited.logs.events('rate_limited').map(fieldsOf)).toEqual([
      { event: 'rate_limited', limit: 'register', clientIp: '127.0.0.1' },
      { event: 'rate_limited', limit: 'login', clientIp: '127.0.0.1' },
      { event: 'rate_limited', limit: 'verify_email', clientIp: '127.0.0.1' },
      { event: 'rate_limited', limit: 'verification_email', userId: user.id },
    ]);
  });
});
