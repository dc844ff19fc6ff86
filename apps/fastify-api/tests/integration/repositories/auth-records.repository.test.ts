// Repository suite (2 of 4 kinds): the auth tables — verification records are single-use,
// expire, and go with their user; failed logins are counted per client, per email and per pair.
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

  it("deletes a user's records with the user, and no one else's", async () => {
    const user = await verificationFor('3'.repeat(64));
    const other = await verificationFor('4'.repeat(64));

    await t.repos.users.delete(user.id);

    expect(await t.repos.verifications.countForUser(user.id)).toBe(0);
    expect(await t.repos.verifications.countForUser(other.id)).toBe(1);
  });
});

describe('LoginAttemptRepository', () => {
  const attempts = () => t.repos.loginAttempts;
  const clients = async () =>
    (
      await t.query<{ email: string; client_ip: string }>(
        'SELECT email, client_ip FROM login_attempts ORDER BY attempted_at',
      )
    ).map((row) => `${row.email} ${row.client_ip}`);

  it('finds the n-th newest failure of one email and client after a time', async () => {
    const email = t.given.email();
    const first = t.clock.now();
    await attempts().recordFailure(email, '10.0.0.1', first);
    await attempts().recordFailure(email, '10.0.0.1', t.clock.advance({ minutes: 1 }));
    await attempts().recordFailure(email, '10.0.0.2', t.clock.now());
    const since = new Date(first.getTime() - 1);
    const pair = { email, clientIp: '10.0.0.1' };

    expect(await attempts().nthNewestFailure(pair, 2, since)).toEqual(first);
    expect(await attempts().nthNewestFailure(pair, 3, since)).toBeUndefined();
    expect(await attempts().nthNewestFailure(pair, 2, first)).toBeUndefined();
  });

  it("counts one client's failures across emails, and one email's across clients", async () => {
    const [email, other] = [t.given.email(), t.given.email()];
    const first = t.clock.now();
    await attempts().recordFailure(email, '10.0.0.1', first);
    await attempts().recordFailure(other, '10.0.0.1', t.clock.advance({ minutes: 1 }));
    await attempts().recordFailure(email, '10.0.0.2', t.clock.advance({ minutes: 1 }));
    const since = new Date(0);

    expect(await attempts().nthNewestFailure({ clientIp: '10.0.0.1' }, 2, since)).toEqual(first);
    expect(await attempts().nthNewestFailure({ email }, 2, since)).toEqual(first);
    expect(await attempts().nthNewestFailure({ email: other }, 2, since)).toBeUndefined();
  });

  it('forgets the failures of one email and client when cleared', async () => {
    const email = t.given.email();
    await attempts().recordFailure(email, '10.0.0.1', t.clock.now());
    await attempts().recordFailure(email, '10.0.0.2', t.clock.now());

    await attempts().clear(email, '10.0.0.1');

    expect(await clients()).toEqual([`${email} 10.0.0.2`]);
  });

  it('deletes every attempt up to a time, whichever email and client made it', async () => {
    const [email, other] = [t.given.email(), t.given.email()];
    const old = t.clock.now();
    await attempts().recordFailure(email, '10.0.0.1', old);
    await attempts().recordFailure(other, '10.0.0.2', old);
    await attempts().recordFailure(other, '10.0.0.3', t.clock.advance({ minutes: 20 }));

    await attempts().deleteBefore(old);

    expect(await clients()).toEqual([`${other} 10.0.0.3`]);
  });
});
