import { tokenFromLastEmail } from '../given';
import type { ContractTarget } from '../target';
import { useContractApp, type ContractApp } from '../use-contract-app';

// Low, so a test reaches each limit in a few requests; the emails' window is shorter than an
// access token's life (15 minutes), so a test can see it end and still be signed in.
// The 429's detail says what was counted: the client's address, or the account's emails.
const BY_ADDRESS = 'Too many requests from this address. Try again later.';
const BY_ACCOUNT = 'Too many verification emails for this account. Try again later.';

const LIMITS = {
  register: { max: 2, windowSeconds: 3600 },
  login: { max: 2, windowSeconds: 60 },
  verifyEmail: { max: 2, windowSeconds: 900 },
  verificationEmails: { max: 3, windowSeconds: 600 },
};

// The limits live in the app's memory for as long as it runs, and the clock goes back to the
// same start before each test: each test plays clients at addresses no other test used.
let addresses = 0;
const newAddress = () => {
  addresses += 1;
  return `198.51.100.${addresses}`;
};

/** A POST as a proxy in front of the app passes it on for the client at `from`. */
const post = (c: ContractApp, path: string, from: string) =>
  c.api.post(path).set('X-Forwarded-For', from);

/** A verified user, made through the API from an address of its own. */
async function userFrom(c: ContractApp) {
  const from = newAddress();
  const body = c.given.attributes();
  const credentials = { email: body.email, password: body.password };
  const res = await post(c, '/api/auth/register', from).send(body).expect(201);
  const token = tokenFromLastEmail(c.mailer, body.email);
  await post(c, '/api/auth/verify-email', from).send({ token }).expect(200);
  const login = await post(c, '/api/auth/login', from).send(credentials).expect(200);
  const { id } = res.body as { id: string };
  return { ...credentials, id, token: (login.body as { access_token: string }).access_token };
}

/**
 * Costly requests limited per client address (register, login, verify-email) and
 * verification emails per account: a 429 problem with Retry-After, checked before the work,
 * so a refused request writes and mails nothing (docs/hardening/security.md).
 */
export function describeRequestLimitsContract(target: ContractTarget): void {
  describe(`${target.name} · limits on costly requests`, () => {
    const c = useContractApp(target, { start: { trustProxy: 1, rateLimits: LIMITS } });

    const register = (from: string, body = c.given.attributes()) =>
      c.api.post('/api/auth/register').set('X-Forwarded-For', from).send(body);

    describe('POST /api/auth/register', () => {
      it('answers 429 with Retry-After to a third registration from one address within the hour, and writes and mails nothing', async () => {
        const from = newAddress();
        await register(from).expect(201);
        await register(from).expect(201);
        const body = c.given.attributes();

        const res = await register(from, body);

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
        expect(res.headers['retry-after']).toBe('3600');
        expect(await c.db.rows('SELECT id FROM users WHERE email = $1', [body.email])).toEqual([]);
        expect(c.mailer.sentTo(body.email)).toEqual([]);
      });

      it('counts Retry-After down, and registers again once the hour is over', async () => {
        const from = newAddress();
        await register(from).expect(201);
        await register(from).expect(201);

        c.clock.advance({ minutes: 40 });
        const refused = await register(from);
        c.clock.advance({ minutes: 20 });
        const res = await register(from);

        expect(refused.headers['retry-after']).toBe('1200');
        expect(res.status).toBe(201);
      });

      it('counts a registration with an invalid body against the address before validating it', async () => {
        const from = newAddress();
        await post(c, '/api/auth/register', from).send({}).expect(400);
        await post(c, '/api/auth/register', from).send({}).expect(400);

        const res = await register(from);

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
        expect(res.headers['retry-after']).toBe('3600');
      });

      it('does not limit another address', async () => {
        const from = newAddress();
        await register(from).expect(201);
        await register(from).expect(201);

        const res = await register(newAddress());

        expect(res.status).toBe(201);
      });
    });

    describe('POST /api/auth/login', () => {
      const loginFrom = (from: string, password: string, email: string) =>
        post(c, '/api/auth/login', from).send({ email, password });

      it('answers 429 to a third login from one address within the minute, even with the right password, before counting an attempt', async () => {
        const user = await userFrom(c);
        const from = newAddress();
        await loginFrom(from, user.password, user.email).expect(200);
        await loginFrom(from, 'not the password', user.email).expect(401);

        const res = await loginFrom(from, user.password, user.email);

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
        expect(res.headers['retry-after']).toBe('60');
        const attempts = await c.db.rows('SELECT id FROM login_attempts WHERE client_ip = $1', [
          from,
        ]);
        expect(attempts).toHaveLength(1);
      });

      it('counts a login with an invalid body against the address before validating it', async () => {
        const from = newAddress();
        await post(c, '/api/auth/login', from).send({}).expect(400);
        await post(c, '/api/auth/login', from).send({}).expect(400);

        const res = await loginFrom(from, 'a password', c.given.email());

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
        expect(res.headers['retry-after']).toBe('60');
      });

      it('counts logins whose X-Forwarded-For is no address to the socket address, not one key each', async () => {
        await loginFrom('garbage', 'a password', c.given.email()).expect(401);
        await loginFrom('unknown', 'a password', c.given.email()).expect(401);

        const res = await loginFrom('1.2.3.4:5678', 'a password', c.given.email());

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
      });

      it('signs the address in again once the minute is over', async () => {
        const user = await userFrom(c);
        const from = newAddress();
        await loginFrom(from, user.password, user.email).expect(200);
        await loginFrom(from, user.password, user.email).expect(200);
        c.clock.advance({ seconds: 60 });

        const res = await loginFrom(from, user.password, user.email);

        expect(res.status).toBe(200);
      });
    });

    describe('POST /api/auth/verify-email', () => {
      it('answers 429 to a third verification from one address within 15 minutes, and leaves the user unverified', async () => {
        const body = c.given.attributes();
        await register(newAddress(), body).expect(201);
        const from = newAddress();
        const verify = (token: string) =>
          c.api.post('/api/auth/verify-email').set('X-Forwarded-For', from).send({ token });
        await verify('a'.repeat(43)).expect(400);
        await verify('b'.repeat(43)).expect(400);

        const res = await verify(tokenFromLastEmail(c.mailer, body.email));

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
        expect(res.headers['retry-after']).toBe('900');
        const rows = await c.db.rows('SELECT email_verified FROM users WHERE email = $1', [
          body.email,
        ]);
        expect(rows).toEqual([{ email_verified: false }]);
      });
      it('counts a verification with an invalid body against the address before validating it', async () => {
        const from = newAddress();
        await post(c, '/api/auth/verify-email', from).send({}).expect(400);
        await post(c, '/api/auth/verify-email', from).send({}).expect(400);

        const res = await post(c, '/api/auth/verify-email', from).send({ token: 'a'.repeat(43) });

        expect(res).toBeProblem(429, { detail: BY_ADDRESS });
        expect(res.headers['retry-after']).toBe('900');
      });
    });

    describe('verification emails per account', () => {
      it("answers 429 to a third email change within 10 minutes (registration's email counts), and writes and mails nothing", async () => {
        const user = await userFrom(c);
        const change = (email: string) =>
          c.api.as(user).patch(`/api/users/${user.id}`).send({ email });
        const [first, second, third] = [c.given.email(), c.given.email(), c.given.email()];
        await change(first).expect(200);
        await change(second).expect(200);
        const before = await c.db.snapshot();

        const res = await change(third);

        expect(res).toBeProblem(429, { detail: BY_ACCOUNT });
        expect(res.headers['retry-after']).toBe('600');
        expect(await c.db.snapshot()).toEqual(before);
        expect(c.mailer.sentTo(third)).toEqual([]);
      });

      it('sends again once the window is over', async () => {
        const user = await userFrom(c);
        const change = (email: string) =>
          c.api.as(user).patch(`/api/users/${user.id}`).send({ email });
        await change(c.given.email()).expect(200);
        await change(c.given.email()).expect(200);
        const email = c.given.email();
        c.clock.advance({ minutes: 10 });

        const res = await change(email);

        expect(res.status).toBe(200);
        expect(c.mailer.sentTo(email)).toHaveLength(1);
      });
    });
  });
}
