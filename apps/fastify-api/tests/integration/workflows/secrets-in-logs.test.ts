// Workflow suite (3 of 4 kinds): a whole account journey through the real API, then every log
// line it left is searched for every secret it made. See docs/hardening/security.md.
import { randomUUID } from 'node:crypto';
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

/** What the journey made that must never be logged. */
interface Secrets {
  password: string;
  typedIntoEmail: string;
  verificationTokens: string[];
  accessToken: string;
  passwordHash: string;
}

/** Opens the emailed link (a query holding the token), then posts the token as the API wants. */
async function verify(email: string): Promise<string> {
  const token = tokenFromLastEmail(t.mailer, email);
  await t.api.get(`/verify-email?token=${token}`).expect(404);
  await t.api.post('/api/auth/verify-email').send({ token }).expect(200);
  return token;
}

async function journey(): Promise<Secrets> {
  const { name, email, password } = t.given.attributes({ password: `Pw-${randomUUID()}` });
  const typedIntoEmail = `Typed-${randomUUID()}`;
  const registered = await t.api.post('/api/auth/register').send({ name, email, password });
  const { id } = registered.body as { id: string };
  const firstToken = await verify(email);
  const accessToken = await t.api.login(email, password);
  await t.api.as({ token: accessToken }).get('/api/profile').expect(200);
  await t.api
    .post('/api/auth/login')
    .send({ email, password: `${password}-wrong` })
    .expect(401);
  await t.api.post('/api/auth/login').send({ email: typedIntoEmail, password }).expect(401);
  const newEmail = t.given.email();
  await t.api.as({ token: accessToken }).patch(`/api/users/${id}`).send({ email: newEmail });
  const secondToken = await verify(newEmail);
  const { passwordHash } = (await t.repos.users.findByEmail(newEmail))!;
  await t.api.as({ token: accessToken }).delete(`/api/users/${id}`).expect(204);
  const verificationTokens = [firstToken, secondToken];
  return { password, typedIntoEmail, verificationTokens, accessToken, passwordHash };
}

describe('secrets in the logs', () => {
  it('logs one line per request of a whole journey, with its path and no query', async () => {
    await journey();

    const requests = t.logs.entries.filter((entry) => entry.msg === 'request completed');

    expect(requests.map(({ req, res }) => [req, res])).toEqual(
      [
        ['POST', '/api/auth/register', 201],
        ['GET', '/verify-email', 404],
        ['POST', '/api/auth/verify-email', 200],
        ['POST', '/api/auth/login', 200],
        ['GET', '/api/profile', 200],
        ['POST', '/api/auth/login', 401],
        ['POST', '/api/auth/login', 401],
        ['PATCH', expect.stringMatching(/^\/api\/users\/[\w-]+$/), 200],
        ['GET', '/verify-email', 404],
        ['POST', '/api/auth/verify-email', 200],
        ['DELETE', expect.stringMatching(/^\/api\/users\/[\w-]+$/), 204],
      ].map(([method, url, statusCode]) => [{ method, url }, { statusCode }]),
    );
    expect(requests[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      app: 'fastify-api',
      req: { method: 'POST', url: '/api/auth/register' },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
      msg: 'request completed',
    });
  });

  it('logs a request line for a body it refuses, as for any other request', async () => {
    await t.api.post('/api/auth/login').set('content-type', 'application/json').send('{');
    await t.api.post('/api/auth/login').send({ email: 'x'.repeat(110_000) });

    const requests = t.logs.entries.filter((entry) => entry.msg === 'request completed');

    expect(requests.map(({ req, res }) => [req, res])).toEqual([
      [{ method: 'POST', url: '/api/auth/login' }, { statusCode: 400 }],
      [{ method: 'POST', url: '/api/auth/login' }, { statusCode: 413 }],
    ]);
  });

  it('never logs a password, a token, a hash or a password typed into the email field', async () => {
    const secrets = await journey();

    // The app lower-cases a typed email, so the search ignores case.
    const logged = t.logs.text().toLowerCase();

    expect(t.logs.entries.length).toBeGreaterThan(11);
    for (const secret of Object.values<string | string[]>({ ...secrets }).flat()) {
      expect(logged).not.toContain(secret.toLowerCase());
    }
    expect(logged).not.toMatch(/argon2|bearer|token=/);
  });
});
