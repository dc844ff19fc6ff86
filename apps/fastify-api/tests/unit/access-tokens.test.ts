// Unit tests: the token rules in isolation, with time held still by FakeClock. The integration
// auth suite proves the same rules through HTTP. See docs/fastify-api.md.
import { FakeClock, forgeJwt } from '@testbed/test-utils';
import { AccessTokens } from '../../src/auth/access-tokens';
import { systemClock } from '../../src/clock';
import { testConfig } from '../helpers/test-config';

const USER_ID = '6f1c3c5e-2b1a-4c6f-9a0e-3d2b1c0a9f8e';

describe('access tokens', () => {
  it('issues an HS256 token whose subject verifies back', async () => {
    const tokens = new AccessTokens(testConfig.jwt, new FakeClock());

    const { token, expiresIn } = await tokens.issue(USER_ID);

    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(expiresIn).toBe(900);
    await expect(tokens.verify(token)).resolves.toBe(USER_ID);
  });

  it('refuses a token once the clock passes its expiry', async () => {
    const clock = new FakeClock();
    const tokens = new AccessTokens(testConfig.jwt, clock);
    const { token } = await tokens.issue(USER_ID);

    clock.advance({ seconds: 901 });

    await expect(tokens.verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses an unsigned token', async () => {
    const tokens = new AccessTokens(testConfig.jwt, new FakeClock());

    const verifying = tokens.verify(
      forgeJwt({ payload: { sub: USER_ID }, header: { alg: 'none' } }),
    );

    await expect(verifying).rejects.toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  });
});

describe('the system clock', () => {
  it('tells the current time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
