// Auth suite (4 of 4 kinds): ACCESS_TOKEN_TTL is the token's whole life — still good one
// second before it ends, refused when it ends — with a TTL other than the default, so a
// hard-coded 900 s fails. Sharpened by mutation testing (docs/mutation-testing.md).
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

const TTL_SECONDS = 120;

const t = useTestApp({ jwt: { ...testConfig.jwt, ttlSeconds: TTL_SECONDS } });

describe('an access token and ACCESS_TOKEN_TTL', () => {
  it('is issued with expires_in set to the configured TTL', async () => {
    const user = await t.given.user();

    const res = await t.api
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });

    expect(res.body).toMatchObject({ expires_in: TTL_SECONDS });
  });

  it('still opens the profile one second before the TTL ends', async () => {
    const user = await t.given.user();
    const token = await t.api.login(user.email, user.password);
    t.clock.advance({ seconds: TTL_SECONDS - 1 });

    const res = await t.api.as({ token }).get('/api/profile');

    expect(res.status).toBe(200);
  });

  it('is refused with 401 the moment the TTL ends', async () => {
    const user = await t.given.user();
    const token = await t.api.login(user.email, user.password);
    t.clock.advance({ seconds: TTL_SECONDS });

    const res = await t.api.as({ token }).get('/api/profile');

    expect(res).toBeProblem(401);
  });
});
