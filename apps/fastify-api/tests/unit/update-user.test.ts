// Unit test of UserService.update for a race no HTTP test can time: the user is found, then
// deleted before the update. The answer is the 404 of an unknown id, as in the Express twin,
// not a 500 (docs/hardening/differential.md).
import { FakeClock } from '@testbed/test-utils';
import { UserNotFoundError } from '../../src/users/user.errors';
import { UserService, type UserServiceDeps } from '../../src/users/user.service';

const USER_ID = '0b7c3f5e-6a4e-4d0b-9a4f-2f8f6a1c9e11';

function serviceWithUserGoneBeforeTheUpdate() {
  const deps = {
    db: { transaction: (work: (tx: unknown) => Promise<unknown>) => work({}) },
    users: {
      findById: () => Promise.resolve({ id: USER_ID, email: 'ada@example.test', role: 'user' }),
      update: () => Promise.resolve(undefined),
    },
    clock: new FakeClock('2030-01-01T00:00:00.000Z'),
  } as unknown as UserServiceDeps;
  return new UserService(deps);
}

describe('UserService.update', () => {
  it('answers a change to a user deleted meanwhile as an unknown user, not an unexpected error', async () => {
    const service = serviceWithUserGoneBeforeTheUpdate();

    const updating = service.update({ id: USER_ID, role: 'user' }, USER_ID, { name: 'Ada' });

    await expect(updating).rejects.toBeInstanceOf(UserNotFoundError);
  });
});
