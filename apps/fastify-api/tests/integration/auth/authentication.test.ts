// Auth suite (4 of 4 kinds), authentication: every way a bearer token can be wrong gets 401
// with WWW-Authenticate: Bearer. Bad tokens are forged with test-utils' forgeJwt, without the
// app's code, so the app cannot agree with itself by accident. See docs/fastify-api.md.
import { epochSeconds, forgeJwt } from '@testbed/test-utils';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();
const { secret, issuer, audience } = testConfig.jwt;

function claims(sub: string, overrides: Record<string, unknown> = {}) {
  const now = epochSeconds(t.clock.now());
  return { sub, iss: issuer, aud: audience, iat: now, exp: now + 900, ...overrides };
}

const cases: [string, (userId: string) => string][] = [
  [
    'a header without the Bearer scheme',
    (id) => `Basic ${forgeJwt({ payload: claims(id), secret })}`,
  ],
  ['the Bearer scheme without a token', () => 'Bearer'],
  ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
  [
    'a token signed with another secret',
    (id) =>
      `Bearer ${forgeJwt({ payload: claims(id), secret: 'another-secret-of-the-same-length!!' })}`,
  ],
  [
    'a token with alg none',
    (id) => `Bearer ${forgeJwt({ payload: claims(id), header: { alg: 'none' } })}`,
  ],
  [
    'a token whose header names another algorithm',
    (id) => `Bearer ${forgeJwt({ payload: claims(id), secret, header: { alg: 'HS512' } })}`,
  ],
  [
    'an expired token',
    (id) =>
      `Bearer ${forgeJwt({ payload: claims(id, { exp: epochSeconds(t.clock.now()) - 1 }), secret })}`,
  ],
  [
    'a token from another issuer',
    (id) => `Bearer ${forgeJwt({ payload: claims(id, { iss: 'someone-else' }), secret })}`,
  ],
  [
    'a token for another audience',
    (id) => `Bearer ${forgeJwt({ payload: claims(id, { aud: 'another-api' }), secret })}`,
  ],
  [
    'a token without a subject',
    (id) => `Bearer ${forgeJwt({ payload: claims(id, { sub: undefined }), secret })}`,
  ],
  [
    'a token whose subject is not a user id',
    () => `Bearer ${forgeJwt({ payload: claims('admin'), secret })}`,
  ],
  [
    'a token without an expiry',
    (id) => `Bearer ${forgeJwt({ payload: claims(id, { exp: undefined }), secret })}`,
  ],
];

describe('authentication on GET /api/profile', () => {
  it('answers 200 to a token the app issued', async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).get('/api/profile');

    expect(res.status).toBe(200);
  });

  it('answers 200 to a token forged with the right secret and claims', async () => {
    const user = await t.given.user();

    const res = await t.api
      .get('/api/profile')
      .set('Authorization', `Bearer ${forgeJwt({ payload: claims(user.id), secret })}`);

    expect(res.status).toBe(200);
  });

  // RFC 6750 §2.1 and RFC 9110 §11.1: one or more spaces, and a scheme in any case.
  it('answers 200 to the scheme in lower case with more than one space before the token', async () => {
    const user = await t.given.user();

    const res = await t.api
      .get('/api/profile')
      .set('Authorization', `bearer   ${forgeJwt({ payload: claims(user.id), secret })}`);

    expect(res.status).toBe(200);
  });

  it('returns 401 saying how to write the header when it is not "Bearer <token>"', async () => {
    const user = await t.given.user();

    const res = await t.api
      .get('/api/profile')
      .set('Authorization', `Token ${forgeJwt({ payload: claims(user.id), secret })}`);

    expect(res).toBeProblem(401, {
      detail: 'The Authorization header must be "Bearer <token>".',
    });
  });

  it('returns 401 with WWW-Authenticate when there is no Authorization header', async () => {
    const res = await t.api.get('/api/profile');

    expect(res).toBeProblem(401, { detail: 'Authentication is required.' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each(cases)('returns 401 with WWW-Authenticate for %s', async (_case, authorization) => {
    const user = await t.given.user();

    const res = await t.api.get('/api/profile').set('Authorization', authorization(user.id));

    expect(res).toBeProblem(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('returns 401 once the token has outlived ACCESS_TOKEN_TTL', async () => {
    const user = await t.given.user();
    const token = await t.api.login(user.email, user.password);
    t.clock.advance({ seconds: testConfig.jwt.ttlSeconds + 1 });

    const res = await t.api.as({ token }).get('/api/profile');

    expect(res).toBeProblem(401);
  });

  it("returns 401 to a deleted user's still unexpired token", async () => {
    const user = await t.given.user();
    await t.repos.users.delete(user.id);

    const res = await t.api.as(user).get('/api/profile');

    // The words of a forged or expired token: a refusal does not say which check failed.
    expect(res).toBeProblem(401, { detail: 'The access token is invalid or has expired.' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });
});
