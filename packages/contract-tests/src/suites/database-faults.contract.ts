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

/**
 * Holds a table lock from the suite's own connection, as a long migration or report would,
 * until the returned function ends the transaction. A lock that fails ends it at once, so the
 * connection is never left inside an aborted transaction for the tests after this one.
 */
async function lockTable(
  db: ContractDatabase,
  table: 'users' | 'email_verifications',
): Promise<() => Promise<void>> {
  await db.rows('BEGIN');
  const release = async () => {
    await db.rows('ROLLBACK');
  };
  try {
    await db.rows(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  } catch (error) {
    await release();
    throw error;
  }
  return release;
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

      it('answers every route that reads or writes with a 503 problem, not a 500', async () => {
        const admin = await c.given.admin();
        const { id, email } = admin;
        proxy.cut();
        const routes = {
          'POST /api/auth/register': c.api.post('/api/auth/register').send(c.given.attributes()),
          'POST /api/auth/login': c.api.post('/api/auth/login').send({ email, password: PASSWORD }),
          'POST /api/auth/verify-email': c.api
            .post('/api/auth/verify-email')
            .send({ token: 'x'.repeat(43) }),
          'GET /api/profile': c.api.as(admin).get('/api/profile'),
          'GET /api/users': c.api.as(admin).get('/api/users'),
          'POST /api/users': c.api.as(admin).post('/api/users').send(c.given.attributes()),
          'GET /api/users/{id}': c.api.as(admin).get(`/api/users/${id}`),
          'PATCH /api/users/{id}': c.api.as(admin).patch(`/api/users/${id}`).send({ name: 'R' }),
          'DELETE /api/users/{id}': c.api.as(admin).delete(`/api/users/${id}`),
          'GET /api/admin/users': c.api.as(admin).get('/api/admin/users'),
        };

        const answers: Record<string, number> = {};
        for (const [route, request] of Object.entries(routes)) {
          answers[route] = (await request.timeout(NO_HANG_MS)).status;
        }

        expect(answers).toEqual(Object.fromEntries(Object.keys(routes).map((r) => [r, 503])));
        expect(Object.keys(answers)).toHaveLength(10);
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
        release = await lockTable(c.db, 'users');

        const res = await c.api.as(user).get('/api/profile').timeout(NO_HANG_MS);

        expect(res).toBeProblem(503, {
          detail: 'The database is unavailable right now. Try again shortly.',
        });
      });

      it('rolls back a registration whose second write timed out: no user, no record, no email', async () => {
        // Registration writes the user, then its verification record, in one transaction:
        // with only the second table locked, the user row is written and must be undone.
        release = await lockTable(c.db, 'email_verifications');

        const res = await c.api
          .post('/api/auth/register')
          .send(c.given.attributes())
          .timeout(NO_HANG_MS);
        await release();
        release = undefined;

        expect(res).toBeProblem(503);
        expect(await c.db.rows('SELECT id FROM users')).toEqual([]);
        expect(await c.db.rows('SELECT id FROM email_verifications')).toEqual([]);
        expect(c.mailer.sent).toEqual([]);
      });

      it('does not count sign-ins that timed out as failures: the right password works after', async () => {
        const user = await c.given.user();
        const credentials = { email: user.email, password: PASSWORD };
        release = await lockTable(c.db, 'users');

        // Five at once, so the test waits for one or two statement timeouts, not five.
        const stuck = await Promise.all(
          [1, 2, 3, 4, 5].map(() =>
            c.api.concurrently.post('/api/auth/login').send(credentials).timeout(NO_HANG_MS),
          ),
        );
        await release();
        release = undefined;
        const res = await c.api.post('/api/auth/login').send(credentials);

        expect(stuck.map(({ status }) => status)).toEqual([503, 503, 503, 503, 503]);
        expect(res.status).toBe(200);
      });

      it('answers at once again when the lock is gone', async () => {
        const user = await c.given.user();
        release = await lockTable(c.db, 'users');
        await c.api.as(user).get('/api/profile').timeout(NO_HANG_MS).expect(503);

        await release();
        release = undefined;
        const res = await c.api.as(user).get('/api/profile');

        expect(res.status).toBe(200);
      });
    });
  });
}
