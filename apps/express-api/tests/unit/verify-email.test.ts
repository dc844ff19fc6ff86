// Unit test of AuthService.verifyEmail for a race no HTTP test can time: the token is consumed,
// and the user is gone before the update (deleted in between). The answer is the same 400 as
// for any used token, as in the Fastify twin, not a 500 (docs/hardening/differential.md).
import { FakeClock } from '@testbed/test-utils';
import { AuthService, type AuthServiceDeps } from '../../src/auth/auth.service';
import { BadRequestError } from '../../src/http/errors';
import { createLogger } from '../../src/logger';

function serviceWithUserGone() {
  const repos = {
    verifications: { consume: () => Promise.resolve('0b7c3f5e-6a4e-4d0b-9a4f-2f8f6a1c9e11') },
    users: { update: () => Promise.resolve(undefined) },
  };
  const deps = {
    db: { transaction: (work: (txRepos: unknown) => Promise<unknown>) => work(repos) },
    clock: new FakeClock('2030-01-01T00:00:00.000Z'),
    logger: createLogger('silent'),
  } as unknown as AuthServiceDeps;
  return new AuthService(deps);
}

describe('AuthService.verifyEmail', () => {
  it('answers a token whose user was deleted meanwhile as an invalid token, not an unexpected error', async () => {
    const service = serviceWithUserGone();

    const verifying = service.verifyEmail('a-token');

    await expect(verifying).rejects.toBeInstanceOf(BadRequestError);
  });
});
