// Auth suite (4 of 4 kinds), throttling: 5 failed logins for one email from one client within
// 15 minutes → 429 with Retry-After. The attempts live in the database and time comes from
// FakeClock, so the test moves through the window without waiting. The app trusts one proxy
// hop, so a test plays clients at other addresses with X-Forwarded-For. See docs/fastify-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp({ trustProxy: 1 });

async function failLogins(email: string, count: number, clientIp?: string) {
  for (let i = 0; i < count; i += 1) {
    const request = t.api.post('/api/auth/login');
    if (clientIp) request.set('X-Forwarded-For', clientIp);
    await request.send({ email, password: 'wrong password' }).expect(401);
  }
}

const attemptsOf = (email: string) =>
  t.query<{ client_ip: string }>('SELECT client_ip FROM login_attempts WHERE email = $1', [email]);

describe('login throttling', () => {
  it('answers 429 with Retry-After and a detail saying to try later to the sixth attempt, even with the right password', async () => {
    const user = await t.given.user();
    await failLogins(user.email, 5);

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res).toBeProblem(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.body).toMatchObject({ detail: expect.stringMatching(/try again later/i) });
  });

  it('counts Retry-After down from the oldest failure in the window', async () => {
    const user = await t.given.user();
    await failLogins(user.email, 5);
    t.clock.advance({ minutes: 10 });

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res.headers['retry-after']).toBe('300');
  });

  it('lets the client try again once 15 minutes have passed', async () => {
    const user = await t.given.user();
    await failLogins(user.email, 5);
    t.clock.advance({ minutes: 15 });

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res.status).toBe(200);
  });

  it('throttles an unknown email the same way', async () => {
    const email = t.given.email();
    await failLogins(email, 5);

    const res = await t.api.post('/api/auth/login').send({ email, password: 'wrong password' });

    expect(res).toBeProblem(429);
  });

  it('counts the email in any case as the same email', async () => {
    const user = await t.given.user();
    await failLogins(user.email.toUpperCase(), 5);

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res).toBeProblem(429);
  });

  it('does not throttle another email from the same client', async () => {
    const [user, other] = [await t.given.user(), await t.given.user()];
    await failLogins(user.email, 5);

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: other.email, password: other.password });

    expect(res.status).toBe(200);
  });

  it("does not count another client's failures for the same email", async () => {
    const user = await t.given.user();
    await failLogins(user.email, 5, '203.0.113.9');

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res.status).toBe(200);
  });

  it('prunes failures too old to count, of every email and client, not only the pair tried', async () => {
    const [user, stranger] = [await t.given.user(), t.given.email()];
    await failLogins(stranger, 2, '203.0.113.9');
    t.clock.advance({ minutes: 15, seconds: 1 });

    await t.api.login(user.email, user.password);

    expect(await t.query('SELECT email FROM login_attempts')).toEqual([]);
  });

  it('starts counting again after a successful login', async () => {
    const user = await t.given.user();
    await failLogins(user.email, 4);
    await t.api.login(user.email, user.password);

    await failLogins(user.email, 4);
    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res.status).toBe(200);
  });

  it('does not count a right password for an unverified account as a failed attempt', async () => {
    const user = await t.given.unverifiedUser();
    const login = () =>
      t.api.post('/api/auth/login').send({ email: user.email, password: user.password });
    for (let i = 0; i < 5; i += 1) await login().expect(403);

    const res = await login();

    expect(res).toBeProblem(403);
    expect(await attemptsOf(user.email)).toEqual([]);
  });

  it("a successful login clears only its own client's failures", async () => {
    const user = await t.given.user();
    await failLogins(user.email, 3, '203.0.113.9');

    await t.api.login(user.email, user.password);

    expect(await attemptsOf(user.email)).toEqual(
      Array.from({ length: 3 }, () => ({ client_ip: '203.0.113.9' })),
    );
    await failLogins(user.email, 2, '203.0.113.9');
    const res = await t.api
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: user.email, password: user.password });
    expect(res).toBeProblem(429);
  });

  it('logs the throttled attempt as an event', async () => {
    const email = t.given.email();
    await failLogins(email, 5);

    await t.api.post('/api/auth/login').send({ email, password: 'wrong password' });

    expect(t.logs.events('login_failed')).toHaveLength(5);
    // Its fields: event-logging.test.ts.
    expect(t.logs.events('login_throttled')).toHaveLength(1);
  });
});
