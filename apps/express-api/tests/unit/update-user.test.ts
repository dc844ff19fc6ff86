// Unit test of UserService.update for a race no HTTP test can time: the user is found, then
// deleted before the update. The answer is the 404 of an unknown id, as in the Fastify twin,
// not a 500 (docs/hardening/differential.md).
import { FakeClock } from '@testbed/test-utils';
import { NotFoundError } from '../../src/http/errors';
import type { UserRecord } from '../../src/users/user.repository';
import { UserService, type UserServiceDeps } from '../../src/users/user.service';

const USER = {
  id: '0b7c3f5e-6a4e-4d0b-9a4f-2f8f6a1c9e11',
  email: 'ada@example.test',
  role: 'user',
};

function serviceWithUserGoneBeforeTheUpdate() {
  const repos = {
    users: { findById: () => Promise.resolve(USER), update: () => Promise.resolve(undefined) },
  };
  const deps = {
    db: { transaction: (work: (txRepos: unknown) => Promise<unknown>) => work(repos) },
    clock: new FakeClock('2030-01-01T00:00:00.000Z'),
  } as unknown as UserServiceDeps;
  return new UserService(deps);
}

describe('UserService.update', () => {
  it('answers a change to a user deleted meanwhile as an unknown user, not an unexpected error', async () => {
    const service = serviceWithUserGoneBeforeTheUpdate();

    const updating = service.update(USER as UserRecord, USER.id, { name: 'Ada' });

    await expect(updating).rejects.toBeInstanceOf(NotFoundError);
  });
});
