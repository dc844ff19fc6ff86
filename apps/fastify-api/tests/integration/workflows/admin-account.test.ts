// Workflow suite (3 of 4 kinds): what start-up does with ADMIN_EMAIL and ADMIN_PASSWORD,
// run against the real database, then checked through the real login route.
// See docs/fastify-api.md.
import { ensureAdmin } from '../../../src/users/ensure-admin';
import { PasswordHasher } from '../../../src/auth/password-hasher';
import { createLogger } from '../../../src/logger';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

function bootstrap(email: string, password = 'admin password 1') {
  const deps = {
    repos: t.repos,
    hasher: new PasswordHasher(testConfig.passwords),
    clock: t.clock,
    logger: createLogger('silent'),
  };
  return ensureAdmin({ email, password, name: 'Admin' }, deps);
}

describe('the admin from the environment', () => {
  it('is created verified when missing, and can sign in', async () => {
    const email = t.given.email('admin');

    await bootstrap(email.toUpperCase(), 'admin password 1');

    expect(await t.repos.users.findByEmail(email)).toMatchObject({
      role: 'admin',
      emailVerified: true,
    });
    expect(await t.api.login(email, 'admin password 1')).toEqual(expect.any(String));
  });

  it('is promoted and verified when the email belongs to an unverified user', async () => {
    const user = await t.given.unverifiedUser();

    await bootstrap(user.email);

    expect(await t.repos.users.findById(user.id)).toMatchObject({
      role: 'admin',
      emailVerified: true,
    });
  });

  it('keeps the password of an existing user and creates nobody else', async () => {
    const admin = await t.given.admin();

    await bootstrap(admin.email, 'another password');

    expect(await t.api.login(admin.email, admin.password)).toEqual(expect.any(String));
    expect(await t.repos.users.list({ limit: 10, offset: 0 })).toMatchObject({ total: 1 });
  });
});
