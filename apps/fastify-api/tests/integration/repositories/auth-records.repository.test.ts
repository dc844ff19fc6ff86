// Repository suite (2 of 4 kinds): the auth tables — verification records are single-use,
// expire, and go with their user; failed logins are counted per email and client.
// See docs/fastify-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();
const HOUR = 60 * 60 * 1000;

async function verificationFor(tokenHash: string, expiresInMs = HOUR) {
  const user = await t.given.unverifiedUser();
  const now = t.clock.now();
  await t.repos.verifications.create({
    userId: user.id,
    tokenHash,
    expiresAt: new Date(now.getTime() + expiresInMs),
    createdAt: now,
  });
  return user;
}

describe('EmailVerificationRepository', () => {
  it('consumes a valid token once and returns its user id', async () => {
    const user = await verificationFor('1'.repeat(64));

    const first = await t.repos.verifications.consume('1'.repeat(64), t.clock.now());
    const second = await t.repos.verifications.consume('1'.repeat(64), t.clock.now());

    expect(first).toBe(user.id);
    expect(second).toBeUndefined();
  });

  it('does not consume an expired token', async () => {
    await verificationFor('2'.repeat(64), HOUR);

    const consumed = await t.repos.verifications.consume(
      '2'.repeat(64),
      t.clock.advance({ hours: 2 }),
    );

    expect(consumed).toBeUndefined();
  });

  it("deletes a user's records with the user", async () => {
    const user = await verificationFor('3'.repeat(64));

    await t.repos.users.delete(user.id);

    expect(await t.repos.verifications.countForUser(user.id)).toBe(0);
  });
});

describe('LoginAttemptRepository', () => {
  it('counts failures for one email and client since a time, with the oldest', async () => {
    const email = t.given.email();
    const first = t.clock.now();
    await t.repos.loginAttempts.recordFailure(email, '10.0.0.1', first);
    await t.repos.loginAttempts.recordFailure(email, '10.0.0.1', t.clock.advance({ minutes: 1 }));
    await t.repos.loginAttempts.recordFailure(email, '10.0.0.2', t.clock.now());

    const window = await t.repos.loginAttempts.failuresSince(
      email,
      '10.0.0.1',
      new Date(first.getTime() - 1),
    );

    expect(window).toEqual({ count: 2, oldest: first });
  });

  it('forgets the failures of one email and client when cleared', async () => {
    const email = t.given.email();
    await t.repos.loginAttempts.recordFailure(email, '10.0.0.1', t.clock.now());

    await t.repos.loginAttempts.clear(email, '10.0.0.1');

    expect(await t.repos.loginAttempts.failuresSince(email, '10.0.0.1', new Date(0))).toEqual({
      count: 0,
      oldest: undefined,
    });
  });

  it('deletes the failures of one email and client up to a time', async () => {
    const email = t.given.email();
    const old = t.clock.now();
    await t.repos.loginAttempts.recordFailure(email, '10.0.0.1', old);
    const recent = t.clock.advance({ minutes: 20 });
    await t.repos.loginAttempts.recordFailure(email, '10.0.0.1', recent);

    await t.repos.loginAttempts.deleteBefore(email, '10.0.0.1', old);

    const left = await t.repos.loginAttempts.failuresSince(email, '10.0.0.1', new Date(0));
    expect(left).toEqual({ count: 1, oldest: recent });
  });
});
