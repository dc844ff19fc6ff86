// Unit tests: the token rules in isolation, with time held still by FakeClock. The auth
// suite proves the same rules through HTTP. See docs/express-api.md.
import { FakeClock, forgeJwt } from '@testbed/test-utils';
import { createAccessTokens } from '../../src/auth/access-tokens';
import { hashToken, newVerificationToken } from '../../src/auth/verification-token';
import { testConfig } from '../helpers/test-config';

const USER_ID = '6f1c3c5e-2b1a-4c6f-9a0e-3d2b1c0a9f8e';

describe('verification tokens', () => {
  it('carry at least 128 random bits, URL-safe', () => {
    const { token } = newVerificationToken();

    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(token).toMatch(/^[\w-]+$/);
  });

  it('are new each time, and their stored form is a SHA-256 hex digest', () => {
    const [first, second] = [newVerificationToken(), newVerificationToken()];

    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.tokenHash).toBe(hashToken(first.token));
  });
});

describe('AccessTokens', () => {
  it('issues an HS256 token whose subject verifies back', async () => {
    const tokens = createAccessTokens(testConfig.jwt, new FakeClock());

    const { token, expiresIn } = await tokens.issue(USER_ID);

    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as unknown;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(expiresIn).toBe(900);
    await expect(tokens.verify(token)).resolves.toBe(USER_ID);
  });

  it('refuses a token once the clock passes its expiry', async () => {
    const clock = new FakeClock();
    const tokens = createAccessTokens(testConfig.jwt, clock);
    const { token } = await tokens.issue(USER_ID);

    clock.advance({ seconds: 901 });

    await expect(tokens.verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses an unsigned token with a 401 that asks for a bearer token', async () => {
    const tokens = createAccessTokens(testConfig.jwt, new FakeClock());

    const verifying = tokens.verify(
      forgeJwt({ payload: { sub: USER_ID }, header: { alg: 'none' } }),
    );

    await expect(verifying).rejects.toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  });
});
