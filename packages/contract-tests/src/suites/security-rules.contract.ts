import type { ContractTarget } from '../target';
import { PASSWORD, tokenFromLastEmail } from '../given';
import { useContractApp } from '../use-contract-app';

// "é" written as one code point (NFC, what most keyboards send) and as "e" plus a combining
// accent (NFD, what some macOS input paths send): the same password to the person typing it.
const COMPOSED = 'caf\u00e9 au lait, sans sucre';
const DECOMPOSED = 'cafe\u0301 au lait, sans sucre';

const USER_FIELDS = ['id', 'name', 'email', 'role', 'emailVerified', 'createdAt', 'updatedAt'];

/** The security rules of docs/api-contract.md that a client can see (docs/hardening/security.md). */
export function describeSecurityRulesContract(target: ContractTarget): void {
  describe(`${target.name} · security rules`, () => {
    const c = useContractApp(target);

    describe('ids are read in one canonical form', () => {
      it("refuses an admin's change of their own role when the id is written in upper case", async () => {
        const admin = await c.given.admin();

        const res = await c.api
          .as(admin)
          .patch(`/api/users/${admin.id.toUpperCase()}`)
          .send({ role: 'user' });

        expect(res).toBeProblem(403);
        expect(await c.db.rows('SELECT role FROM users WHERE id = $1', [admin.id])).toEqual([
          { role: 'admin' },
        ]);
      });

      it('answers an upper-case id as the same user: the whole record for oneself', async () => {
        const user = await c.given.user();

        const res = await c.api.as(user).get(`/api/users/${user.id.toUpperCase()}`).expect(200);

        expect(Object.keys(res.body as object).sort()).toEqual([...USER_FIELDS].sort());
        expect(res.body).toMatchObject({ id: user.id, email: user.email });
      });

      it('lets a user change and delete their own record through an upper-case id', async () => {
        const user = await c.given.user();
        const upper = user.id.toUpperCase();

        const renamed = await c.api.as(user).patch(`/api/users/${upper}`).send({ name: 'Renamed' });
        await c.api.as(user).delete(`/api/users/${upper}`).expect(204);

        expect(renamed.status).toBe(200);
        expect(renamed.body).toMatchObject({ id: user.id, name: 'Renamed' });
        expect(await c.db.rows('SELECT id FROM users WHERE id = $1', [user.id])).toEqual([]);
      });
    });

    describe('passwords are compared in one Unicode normal form (NFC)', () => {
      it.each([
        ['composed', 'decomposed', COMPOSED, DECOMPOSED],
        ['decomposed', 'composed', DECOMPOSED, COMPOSED],
      ])(
        'signs in with a password registered %s and typed %s',
        async (_registered, _typed, registeredAs, typedAs) => {
          const body = { ...c.given.attributes(), password: registeredAs };
          await c.api.post('/api/auth/register').send(body).expect(201);
          const token = tokenFromLastEmail(c.mailer, body.email);
          await c.api.post('/api/auth/verify-email').send({ token }).expect(200);

          const res = await c.api
            .post('/api/auth/login')
            .send({ email: body.email, password: typedAs });

          expect(res.status).toBe(200);
        },
      );

      it('does not fold compatibility characters (NFC, not NFKC)', async () => {
        // Full-width letters and the "fi" ligature: NFKC would make them "Pass word, fine".
        const body = {
          ...c.given.attributes(),
          password: '\uFF30\uFF41\uFF53\uFF53 word, \uFB01ne',
        };
        await c.api.post('/api/auth/register').send(body).expect(201);
        const token = tokenFromLastEmail(c.mailer, body.email);
        await c.api.post('/api/auth/verify-email').send({ token }).expect(200);

        const res = await c.api
          .post('/api/auth/login')
          .send({ email: body.email, password: 'Pass word, fine' });

        expect(res).toBeProblem(401);
      });

      it('still refuses a different password that only looks alike once normalised', async () => {
        const body = { ...c.given.attributes(), password: COMPOSED };
        await c.api.post('/api/auth/register').send(body).expect(201);
        const token = tokenFromLastEmail(c.mailer, body.email);
        await c.api.post('/api/auth/verify-email').send({ token }).expect(200);

        const res = await c.api
          .post('/api/auth/login')
          .send({ email: body.email, password: 'cafe au lait, sans sucre' });

        expect(res).toBeProblem(401);
      });
    });

    describe('responses are not cached and not sniffed', () => {
      it('sends Cache-Control: no-store with every token and user response', async () => {
        const admin = await c.given.admin();
        const attributes = c.given.attributes();

        const responses = [
          await c.api.post('/api/auth/register').send(attributes),
          await c.api.post('/api/auth/login').send({ email: admin.email, password: PASSWORD }),
          await c.api.as(admin).get('/api/profile'),
          await c.api.as(admin).get(`/api/users/${admin.id}`),
          await c.api.as(admin).get('/api/users'),
          await c.api.as(admin).get('/api/admin/users'),
          await c.api.as(admin).patch(`/api/users/${admin.id}`).send({ name: 'Still me' }),
          await c.api.as(admin).post('/api/users').send(c.given.attributes()),
        ];

        expect(responses.map((res) => [res.status, res.headers['cache-control']])).toEqual([
          [201, 'no-store'],
          [200, 'no-store'],
          [200, 'no-store'],
          [200, 'no-store'],
          [200, 'no-store'],
          [200, 'no-store'],
          [200, 'no-store'],
          [201, 'no-store'],
        ]);
      });

      // No conditional requests in the contract: an ETag would invite If-None-Match and a 304.
      it('sends no ETag, so a client has nothing to revalidate with', async () => {
        const user = await c.given.user();

        const responses = [
          await c.api.as(user).get('/api/profile'),
          await c.api.get('/health'),
          await c.api.get('/openapi.json'),
        ];

        expect(responses.map((res) => [res.status, res.headers.etag])).toEqual([
          [200, undefined],
          [200, undefined],
          [200, undefined],
        ]);
      });

      it('sends Cache-Control: no-store and X-Content-Type-Options: nosniff with every response, errors included', async () => {
        const email = c.given.email();
        for (let attempt = 0; attempt < 5; attempt += 1)
          await c.api.post('/api/auth/login').send({ email, password: 'not the password' });

        const responses = [
          await c.api.get('/health'),
          await c.api.get('/openapi.json'),
          await c.api.get('/api/profile'),
          await c.api.get(`/api/users/${'a'.repeat(150)}`),
          await c.api.get('/api/users/%zz'),
          await c.api.get('/api/no-such-route'),
          await c.api.delete('/api/auth/login'),
          await c.api.post('/api/auth/login').set('content-type', 'application/json').send('{'),
          await c.api.post('/api/auth/login').send({ email: 'x'.repeat(110_000) }),
          await c.api.post('/api/auth/login').send({ email, password: 'not the password' }),
        ];

        expect(
          responses.map((res) => [
            res.status,
            res.headers['cache-control'],
            res.headers['x-content-type-options'],
          ]),
        ).toEqual([
          [200, 'no-store', 'nosniff'],
          [200, 'no-store', 'nosniff'],
          [401, 'no-store', 'nosniff'],
          [401, 'no-store', 'nosniff'],
          [400, 'no-store', 'nosniff'],
          [404, 'no-store', 'nosniff'],
          [405, 'no-store', 'nosniff'],
          [400, 'no-store', 'nosniff'],
          [413, 'no-store', 'nosniff'],
          [429, 'no-store', 'nosniff'],
        ]);
      });

      it('grants no cross-origin access: no CORS header, even to a preflight', async () => {
        const origin = 'https://elsewhere.example';

        const simple = await c.api.get('/health').set('origin', origin);
        const preflight = await c.api
          .options('/api/profile')
          .set('origin', origin)
          .set('access-control-request-method', 'GET')
          .set('access-control-request-headers', 'authorization');

        const corsHeaders = (res: { headers: object }) =>
          Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));
        expect([simple, preflight].map(corsHeaders)).toEqual([[], []]);
        expect(preflight.status).toBe(405);
      });
    });
  });
}
