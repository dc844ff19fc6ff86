// Workflow suite (3 of 4 kinds): who an event names, and that an act that rolled back logs
// nothing — read through LogRecorder after the act. Sharpened by mutation testing
// (docs/mutation-testing.md).
import { createPasswordHasher } from '../../../src/auth/password-hasher';
import { createLogger } from '../../../src/logger';
import { ensureAdmin } from '../../../src/users/ensure-admin';
import { createPasswordBreachChecker } from '../../../src/auth/password-breach-checker';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

describe('event attribution', () => {
  it('logs user_deleted by the admin when an admin deletes someone else', async () => {
    const [admin, user] = [await t.given.admin(), await t.given.user()];

    await t.api.as(admin).delete(`/api/users/${user.id}`).expect(204);

    expect(t.logs.events('user_deleted')).toEqual([
      expect.objectContaining({ level: 30, userId: user.id, by: admin.id }),
    ]);
  });

  it('logs no user_registered when the registration rolled back because mail was down', async () => {
    const { name, email, password } = t.given.attributes();
    t.mailer.failNext();

    await t.api.post('/api/auth/register').send({ name, email, password }).expect(503);

    expect(t.logs.events('user_registered')).toEqual([]);
    expect(t.logs.events('mail_failed')).toEqual([
      expect.objectContaining({ level: 40, userId: expect.any(String) }),
    ]);
  });

  it('logs admin_created with the id of the admin that start-up created', async () => {
    const email = t.given.email('admin');
    const deps = {
      repos: t.repos,
      hasher: createPasswordHasher(testConfig.passwordHashing),
      clock: t.clock,
      logger: createLogger('info', t.logs),
      // PASSWORD_BREACH_CHECK=off, as in every test that is not about it.
      breachChecker: createPasswordBreachChecker(undefined, {
        logger: createLogger('info', t.logs),
      }),
    };

    await ensureAdmin({ email, password: 'admin password 1', name: 'Admin' }, deps);

    const admin = await t.repos.users.findByEmail(email);
    expect(t.logs.events('admin_created')).toEqual([
      expect.objectContaining({ level: 30, userId: admin?.id }),
    ]);
  });
});
