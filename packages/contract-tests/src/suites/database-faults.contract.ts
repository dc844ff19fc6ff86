import { proxyDatabase, testDatabase, type DatabaseProxy } from '@testbed/test-utils';
import type { ContractDatabase } from '../contract-database';
import { PASSWORD } from '../given';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

// Short enough that a test waits a third of a second for a stuck statement, long enough that
// no statement of a healthy test run (each takes a millisecond or less) comes near it on a
// busy two-core machine.
const DATABASE_TIMEOUTS = { statementMs: 300, connectMs: 1000 };
// How long a request may take before the test calls it hung: far past the timeouts above,
// far below Jest's own limit, so a hang fails here with a clear message.
const NO_HANG_MS = 4000;

/** Holds a table lock from the suite's own connection, as a long migration or report would. */
async function lockUsersTable(db: ContractDatabase): Promise<() => Promise<void>> {
  await db.rows('BEGIN');
  await db.rows('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
  return async () => {
    await db.rows('ROLLBACK');
  };
}

/**
 * What the app does when its database is gone or too slow: a 503 problem at once, never a
 * hang or a 500, nothing half-written, and service again as soon as the database is back,
 * without a restart (docs/hardening/faults.md).
 */
export function describeDatabaseFaultsContract(target: ContractTarget): void {
  describe(`${target.name} · when the database fails`, () => {
    let proxy: DatabaseProxy;
    let release: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      proxy = await proxyDatabase(testDatabase().url);
    });
    const c = useContractApp(target, {
      start: { databaseTimeouts: DATABASE_TIMEOUTS },
      appDatabaseUrl: () => proxy.url,
    });
    afterEach(async () => {
      proxy.restore();
      await release?.();
      release = undefined;
    });
    afterAll(() => proxy.close());

    describe('while it cannot be reached', () => {
      it('answers GET /health with a 503 problem', async () => {
        proxy.cut();

        const res = await c.api.get('/health').timeout(NO_HANG_MS);

        expect(res).toBeProblem(503);
      });

      it('answers the routes with a 503 problem, not a 500', async () => {
        const user = await c.given.user();
        const { email } = user;
        proxy.cut();

        const responses = [
          await c.api.post('/api/auth/register').send(c.given.attributes()).timeout(NO_HANG_MS),
          await c.api
            .post('/api/auth/login')
            .send({ email, password: PASSWORD })
            .timeout(NO_HANG_MS),
          await c.api
            .post('/api/auth/verify-email')
            .send({ token: 'x'.repeat(43) })
            .timeout(NO_HANG_MS),
          await c.api.as(user).get('/api/profile').timeout(NO_HANG_MS),
          await c.api.as(user).get('/api/users').timeout(NO_HANG_MS),
        ];

        for (const res of responses) expect(res).toBeProblem(503);
      });

      it('writes nothing, and sends no email, for a registration it could not store', async () => {
        proxy.cut();

        await c.api.post('/api/auth/register').send(c.given.attributes()).expect(503);

        expect(await c.db.rows('SELECT id FROM users')).toEqual([]);
        expect(c.mailer.sent).toEqual([]);
      });

      it('serves again without a restart once the database is back', async () => {
        const user = await c.given.user();
        proxy.cut();
        await c.api.as(user).get('/api/profile').expect(503);

        proxy.restore();

        await c.api.get('/health').expect(200);
        await c.api.as(user).get('/api/profile').expect(200);
        const attributes = c.given.attributes();
        await c.api.post('/api/auth/register').send(attributes).expect(201);
        const rows = await c.db.rows('SELECT email FROM users WHERE email = $1', [
          attributes.email,
        ]);
        expect(rows).toHaveLength(1);
      });
    });

    describe('while it is too slow', () => {
      it('ends a request stuck behind a lock with a 503 problem after the statement timeout', async () => {
        const user = await c.given.user();
        release = await lockUsersTable(c.db);

        const res = await c.api.as(user).get('/api/profile').timeout(NO_HANG_MS);

        expect(res).toBeProblem(503);
      });

      it('leaves nothing behind of a registration that timed out', async () => {
        release = await lockUsersTable(c.db);

        await c.api
          .post('/api/auth/register')
          .send(c.given.attributes())
          .timeout(NO_HANG_MS)
          .expect(503);
        await release();
        release = undefined;

        expect(await c.db.rows('SELECT id FROM users')).toEqual([]);
        expect(await c.db.rows('SELECT id FROM email_verifications')).toEqual([]);
        expect(c.mailer.sent).toEqual([]);
      });

      it('answers at once again when the lock is gone', async () => {
        const user = await c.given.user();
        release = await lockUsersTable(c.db);
        await c.api.as(user).get('/api/profile').timeout(NO_HANG_MS).expect(503);

        await release();
        release = undefined;

        await c.api.as(user).get('/api/profile').expect(200);
      });
    });
  });
}
