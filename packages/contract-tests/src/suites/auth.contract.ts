import { epochSeconds, forgeJwt } from '@testbed/test-utils';
import type { ContractTarget } from '../target';
import { PASSWORD, tokenFromLastEmail } from '../given';
import { useContractApp } from '../use-contract-app';

// A token for `sub` that the app must refuse: signed with a secret it does not know, or not
// at all. Issuer and audience are both apps' defaults, so only the signature is wrong.
const forged = (sub: string, secret?: string) =>
  forgeJwt({
    payload: {
      sub,
      iss: 'testbed',
      aud: 'testbed-api',
      exp: epochSeconds(new Date('2030-01-02T00:00:00Z')),
    },
    ...(secret ? { secret } : { header: { alg: 'none' } }),
  });

const USER = {
  id: expect.any(String),
  name: expect.any(String),
  email: expect.any(String),
  role: 'user',
  emailVerified: false,
  createdAt: expect.any(String),
  updatedAt: expect.any(String),
};

/** Auth routes: register, verify-email, login, profile (docs/api-contract.md#auth). */
export function describeAuthContract(target: ContractTarget): void {
  describe(`${target.name} · auth contract`, () => {
    const c = useContractApp(target);

    describe('POST /api/auth/register', () => {
      it('returns 201 with the new user and Location, and sends exactly one verification email', async () => {
        const body = c.given.attributes();

        const res = await c.api.post('/api/auth/register').send(body).expect(201);

        expect(res.body).toEqual({ ...USER, name: body.name, email: body.email });
        expect(res.headers.location).toBe(`/api/users/${(res.body as { id: string }).id}`);
        expect(c.mailer.sentTo(body.email)).toHaveLength(1);
      });

      it.each([
        ['name', { name: '' }],
        ['name', { name: 'n'.repeat(101) }],
        ['email', { email: 'not-an-email' }],
        ['password', { password: 'short' }],
        ['password', { password: 'p'.repeat(129) }],
      ])('returns 400 naming %s when it is invalid', async (path, change) => {
        const res = await c.api
          .post('/api/auth/register')
          .send({ ...c.given.attributes(), ...change });

        expect(res).toBeProblem(400, { errors: [{ path }] });
      });

      // Trimmed before its length is checked: a name of 100 characters with spaces around fits.
      it('stores the name without the spaces around it', async () => {
        const name = 'n'.repeat(100);

        const res = await c.api
          .post('/api/auth/register')
          .send({ ...c.given.attributes(), name: `  ${name}\t ` });

        expect(res.status).toBe(201);
        expect(res.body).toHaveProperty('name', name);
      });

      it('returns 409 mentioning the email when the address is taken in another case', async () => {
        const taken = await c.given.unverifiedUser();

        const res = await c.api
          .post('/api/auth/register')
          .send({ ...c.given.attributes(), email: ` ${taken.email.toUpperCase()} ` });

        expect(res).toBeProblem(409, { detail: expect.stringMatching(/email/i) });
      });

      it('returns 503 when the email cannot be sent, and the address can register afterwards', async () => {
        const body = c.given.attributes();
        c.mailer.failNext();

        const failed = await c.api.post('/api/auth/register').send(body);
        const retried = await c.api.post('/api/auth/register').send(body);

        expect(failed).toBeProblem(503);
        expect(retried.status).toBe(201);
      });
    });

    describe('POST /api/auth/verify-email', () => {
      it('returns 200 with the verified user', async () => {
        const user = await c.given.unverifiedUser();

        const res = await c.api
          .post('/api/auth/verify-email')
          .send({ token: tokenFromLastEmail(c.mailer, user.email) })
          .expect(200);

        expect(res.body).toEqual({
          ...USER,
          id: user.id,
          name: user.name,
          email: user.email,
          emailVerified: true,
        });
      });

      it('returns 400 with one generic detail for unknown and expired tokens', async () => {
        const user = await c.given.unverifiedUser();
        const token = tokenFromLastEmail(c.mailer, user.email);
        c.clock.advance({ hours: 24, seconds: 1 });

        const expired = await c.api.post('/api/auth/verify-email').send({ token });
        const unknown = await c.api.post('/api/auth/verify-email').send({ token: 'x'.repeat(43) });

        expect(expired).toBeProblem(400, {
          detail: 'The verification token is invalid, already used or expired.',
        });
        expect(unknown.body).toEqual(expired.body);
      });
    });

    describe('POST /api/auth/login', () => {
      it('returns 200 with a bearer access token', async () => {
        const user = await c.given.user();

        const res = await c.api
          .post('/api/auth/login')
          .send({ email: user.email, password: PASSWORD });

        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          access_token: expect.any(String),
          token_type: 'bearer',
          expires_in: expect.any(Number),
        });
      });

      // Else each way of writing one email would get 5 more guesses.
      it('counts failed logins for an email however it is cased or spaced: the sixth gets 429', async () => {
        const user = await c.given.user();
        const upper = user.email.toUpperCase();
        for (const email of [user.email, upper, ` ${user.email}`, `${user.email} `, ` ${upper} `])
          await c.api
            .post('/api/auth/login')
            .send({ email, password: 'wrong password' })
            .expect(401);

        const res = await c.api
          .post('/api/auth/login')
          .send({ email: user.email, password: PASSWORD });

        expect(res).toBeProblem(429);
      });

      it('returns 403 for the right password before the email is verified', async () => {
        const user = await c.given.unverifiedUser();

        const res = await c.api
          .post('/api/auth/login')
          .send({ email: user.email, password: PASSWORD });

        expect(res).toBeProblem(403);
      });

      it('returns 429 with Retry-After after 5 failed attempts within 15 minutes', async () => {
        const user = await c.given.user();
        const wrong = { email: user.email, password: 'wrong password' };
        for (let attempt = 0; attempt < 5; attempt++)
          await c.api.post('/api/auth/login').send(wrong).expect(401);

        const res = await c.api
          .post('/api/auth/login')
          .send({ email: user.email, password: PASSWORD });

        expect(res).toBeProblem(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      });
    });

    describe('GET /api/profile', () => {
      it("returns 200 with the caller's user", async () => {
        const user = await c.given.user();

        const res = await c.api.as(user).get('/api/profile').expect(200);

        expect(res.body).toEqual({
          ...USER,
          id: user.id,
          email: user.email,
          name: user.name,
          emailVerified: true,
        });
      });

      it.each<[string, (sub: string) => string | undefined]>([
        ['no token', () => undefined],
        ['a malformed token', () => 'not-a-jwt'],
        ['a token signed with another secret', (sub) => forged(sub, 'another secret')],
        ['an unsigned token (alg none)', (sub) => forged(sub)],
      ])('returns 401 with WWW-Authenticate for %s', async (_case, tokenFor) => {
        const user = await c.given.user();
        const token = tokenFor(user.id);

        const res = await (token === undefined ? c.api : c.api.as({ token })).get('/api/profile');

        expect(res).toBeProblem(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      });

      it('returns 401 once the access token has expired', async () => {
        const user = await c.given.user();
        c.clock.advance({ hours: 1 });

        const res = await c.api.as(user).get('/api/profile');

        expect(res).toBeProblem(401);
      });
    });
  });
}
