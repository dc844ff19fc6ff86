// Workflow suite (3 of 4 kinds): what start-up does with ADMIN_EMAIL and ADMIN_PASSWORD,
// run against the real database, then checked through the real login route.
// See docs/express-api.md.
import { AdminEmailTakenError, ensureAdmin } from '../../../src/users/ensure-admin';
import { createPasswordHasher } from '../../../src/auth/password-hasher';
import { createLogger } from '../../../src/logger';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

function bootstrap(email: string, password = 'admin password 1') {
  const deps = {
    repos: t.repos,
    hasher: createPasswordHasher(testConfig.passwordHashing),
    clock: t.clock,
    logger: createLogger('info', t.logs),
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

  it('refuses, naming ADMIN_EMAIL, when someone registered the address first, and leaves their account as it is', async () => {
    const email = t.given.email('future-admin');
    await t.api
      .post('/api/auth/register')
      .send({ name: 'First Comer', email, password: 'first comer password' })
      .expect(201);
    const registered = await t.repos.users.findByEmail(email);
    t.logs.clear();

    const start = bootstrap(email, 'admin password 1');

    await expect(start).rejects.toThrow(AdminEmailTakenError);
    await expect(start).rejects.toThrow(/^ADMIN_EMAIL [^\n]+$/);
    expect(registered).toMatchObject({ role: 'user', emailVerified: false });
    expect(await t.repos.users.findByEmail(email)).toEqual(registered);
    expect(t.logs.entries).toEqual([]);
    await t.api.post('/api/auth/login').send({ email, password: 'admin password 1' }).expect(401);
    await t.api
      .post('/api/auth/login')
      .send({ email, password: 'first comer password' })
      .expect(403);
  });

  it('refuses a verified user too, and leaves them a user', async () => {
    const user = await t.given.user();

    await expect(bootstrap(user.email)).rejects.toThrow(AdminEmailTakenError);

    expect(await t.repos.users.findById(user.id)).toMatchObject({
      role: 'user',
      emailVerified: true,
    });
    expect(t.logs.entries).toEqual([]);
  });

  it('keeps an unverified admin unverified, with its password, and warns', async () => {
    const admin = await t.given.unverifiedUser({ role: 'admin' });
    const before = await t.repos.users.findById(admin.id);

    await bootstrap(admin.email, 'another password');

    expect(await t.repos.users.findById(admin.id)).toEqual(before);
    expect(t.logs.events('admin_unverified')).toEqual([
      expect.objectContaining({ level: 40, userId: admin.id }),
    ]);
  });

  it('keeps the password of an existing user and creates nobody else', async () => {
    const admin = await t.given.admin();

    await bootstrap(admin.email, 'another password');

    expect(await t.api.login(admin.email, admin.password)).toEqual(expect.any(String));
    expect(await t.repos.users.list({ limit: 10, offset: 0 })).toMatchObject({ total: 1 });
  });
});
