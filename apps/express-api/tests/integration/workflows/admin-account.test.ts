// Workflow suite (3 of 4 kinds): what start-up does with ADMIN_EMAIL and ADMIN_PASSWORD,
// run against the real database, then checked through the real login route.
// See docs/express-api.md.
import { rangeAnswer, rangePath } from '@testbed/contract-tests/pwned-range';
import { interceptOutboundHttp } from '@testbed/test-utils';
import {
  AdminEmailTakenError,
  AdminPasswordBreachedError,
  ensureAdmin,
} from '../../../src/users/ensure-admin';
import { createPasswordBreachChecker } from '../../../src/auth/password-breach-checker';
import { createPasswordHasher } from '../../../src/auth/password-hasher';
import { createLogger } from '../../../src/logger';
import { testConfig } from '../../helpers/test-config';
import { useTestApp } from '../../helpers/test-app';

// The breached-password check is on, its HTTP intercepted: a request nobody arranged fails
// the test, so the tests that arrange none also show that nothing was asked.
const SERVICE = 'https://pwned.example.test';
const outbound = interceptOutboundHttp();
const t = useTestApp();

function bootstrap(email: string, password = 'admin password 1') {
  const logger = createLogger('info', t.logs);
  const deps = {
    repos: t.repos,
    hasher: createPasswordHasher(testConfig.passwordHashing),
    breachChecker: createPasswordBreachChecker(
      { url: SERVICE, timeoutMs: 1_000 },
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- npm undici's Dispatcher and the one Node's fetch declares are two declarations of one class
      { logger, dispatcher: outbound.dispatcher },
    ),
    clock: t.clock,
    logger,
  };
  return ensureAdmin({ email, password, name: 'Admin' }, deps);
}

describe('the admin from the environment', () => {
  it('is created verified when missing, and can sign in', async () => {
    const email = t.given.email('admin');
    const range = outbound.origin(SERVICE).intercept({ path: rangePath('admin password 1') });
    range.reply(200, rangeAnswer('admin password 1'));

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
    // One line for the operator: what is wrong, and what to do about it.
    await expect(start).rejects.toMatchObject({
      name: 'AdminEmailTakenError',
      message:
        'ADMIN_EMAIL belongs to an account that is not an admin, and start-up never promotes one: ' +
        'set ADMIN_EMAIL to an address nobody has registered, or, if that account is yours, ' +
        'make it an admin yourself and start again',
    });
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

  it('keeps an unverified admin unverified, with its password, and warns how it gets verified', async () => {
    const admin = await t.given.unverifiedUser({ role: 'admin' });
    const before = await t.repos.users.findById(admin.id);

    await bootstrap(admin.email, 'another password');

    expect(await t.repos.users.findById(admin.id)).toEqual(before);
    // The operator's only clue at start: what is wrong and what fixes it.
    expect(t.logs.events('admin_unverified')).toEqual([
      expect.objectContaining({
        level: 40,
        userId: admin.id,
        msg:
          'the ADMIN_EMAIL admin has not verified its email address: it can sign in once it ' +
          'follows the link in its verification email',
      }),
    ]);
  });

  it('keeps the password of an existing admin, creates nobody else, and has nothing to warn of', async () => {
    const admin = await t.given.admin();

    await bootstrap(admin.email, 'another password');

    expect(await t.api.login(admin.email, admin.password)).toEqual(expect.any(String));
    expect(await t.repos.users.list({ limit: 10, offset: 0 })).toMatchObject({ total: 1 });
    expect(t.logs.events('admin_unverified')).toEqual([]);
  });

  it('stops the start, naming ADMIN_PASSWORD, when the password is in a breach, and creates nobody', async () => {
    const email = t.given.email('admin');
    const password = 'a breached admin password';
    outbound
      .origin(SERVICE)
      .intercept({ path: rangePath(password) })
      .reply(200, rangeAnswer(password, 7));

    const start = bootstrap(email, password);

    await expect(start).rejects.toThrow(AdminPasswordBreachedError);
    await expect(start).rejects.toMatchObject({
      name: 'AdminPasswordBreachedError',
      message:
        'ADMIN_PASSWORD has appeared in a data breach (Pwned Passwords), so attackers try it ' +
        'first: set another and start again',
    });
    expect(await t.repos.users.findByEmail(email)).toBeUndefined();
    expect(t.logs.entries).toEqual([]);
  });

  it('creates the admin when the breach check cannot answer, and logs that it went unchecked', async () => {
    const email = t.given.email('admin');
    const password = 'an unchecked admin password';
    // Two 503s: the check's one retry, then it gives up.
    outbound
      .origin(SERVICE)
      .intercept({ path: rangePath(password) })
      .reply(503, '')
      .times(2);

    await bootstrap(email, password);

    expect(await t.repos.users.findByEmail(email)).toMatchObject({ role: 'admin' });
    expect(t.logs.events('password_check_unavailable')).toEqual([
      expect.objectContaining({ level: 40, reason: 'http_status', status: 503 }),
    ]);
    expect(t.logs.text()).not.toContain(password);
  });
});
