import fc from 'fast-check';
import { PASSWORD } from '../given';
import { checkProperty, propertyTimeout } from '../hostile/check-property';
import { expectHandled } from '../hostile/response-checks';
import { percentEncode } from '../hostile/query-strings';
import { sqlInjection } from '../hostile/sql-injection';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

const TABLES = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;

// What the name field keeps as it is: 1–100 characters, nothing to trim.
const storableName = sqlInjection.filter(
  (name) => name.trim() === name && name.length >= 1 && name.length <= 100,
);

/**
 * Injection-shaped text in every field and parameter is data (docs/hardening/hostile-input.md):
 * stored exactly or refused with 400, never run, and every table is still there afterwards.
 */
export function describeHostileSqlContract(target: ContractTarget): void {
  describe(`${target.name} · injection-shaped input`, () => {
    const c = useContractApp(target);
    let tables: unknown[];

    beforeEach(async () => {
      tables = await c.db.rows(TABLES);
    });

    afterEach(async () => {
      // eslint-disable-next-line jest/no-standalone-expect -- every test here leaves the tables be
      expect(await c.db.rows(TABLES)).toEqual(tables);
    });

    it(
      'stores a name made of injection text exactly, and gives it back the same',
      async () => {
        const admin = await c.given.admin();

        await checkProperty(
          target.name,
          fc.asyncProperty(storableName, async (name) => {
            const created = await c.api
              .as(admin)
              .post('/api/users')
              .send({ ...c.given.attributes(), name });
            const { id } = created.body as { id: string };
            const read = await c.api.as(admin).get(`/api/users/${id}`);

            expect(created.status).toBe(201);
            expect(read.body).toMatchObject({ name });
            expect(await c.db.rows('SELECT name FROM users WHERE id = $1', [id])).toEqual([
              { name },
            ]);
          }),
        );
      },
      propertyTimeout(),
    );

    it(
      'refuses an email with injection text with 400, or stores it lower-cased as sent',
      async () => {
        const admin = await c.given.admin();
        const email = fc.oneof(
          sqlInjection,
          sqlInjection.map((text) => `${text}@example.test`),
          sqlInjection.map((text) => `user@${text}.test`),
        );

        await checkProperty(
          target.name,
          fc.asyncProperty(email, async (sent) => {
            const before = await c.db.snapshot();

            const res = await c.api
              .as(admin)
              .post('/api/users')
              .send({ ...c.given.attributes(), email: sent });

            expectHandled(res);
            expect([201, 400, 409]).toContain(res.status);
            const stored = sent.trim().toLowerCase();
            // 400 writes nothing; 201 stores it; 409 means an earlier run stored the same text,
            // found as plain data.
            const rows = await c.db.rows('SELECT email FROM users WHERE email = $1', [stored]);
            const after = await c.db.snapshot();
            expect({ rows: rows.length, unchanged: after }).toEqual(
              res.status === 400 ? { rows: 0, unchanged: before } : { rows: 1, unchanged: after },
            );
            expect(res.body).toMatchObject(res.status === 201 ? { email: stored } : {});
          }),
        );
      },
      propertyTimeout(),
    );

    it(
      'never signs anyone in with injection text as the email or the password',
      async () => {
        const user = await c.given.user();
        const credentials = fc.oneof(
          fc.record({
            email: sqlInjection,
            password: fc.oneof(sqlInjection, fc.constant(PASSWORD)),
          }),
          fc.record({ email: fc.constant(user.email), password: sqlInjection }),
          sqlInjection
            .map((text) => ({ email: `${user.email}${text}`, password: PASSWORD }))
            // Text that trims away (spaces, nothing) leaves the real email: not an injection.
            .filter(({ email }) => email.trim().toLowerCase() !== user.email),
        );

        await checkProperty(
          target.name,
          fc.asyncProperty(credentials, async (body) => {
            // Each case starts unthrottled, so every password is really checked: after five
            // failures the throttle would answer 429 before looking at it.
            await c.db.rows('DELETE FROM login_attempts');

            const res = await c.api.post('/api/auth/login').send(body);

            expectHandled(res);
            expect([400, 401]).toContain(res.status);
          }),
        );
      },
      propertyTimeout(),
    );

    it(
      'answers injection text in any query parameter with a 400 problem or the one matching user, never everyone',
      async () => {
        const admin = await c.given.admin();
        await c.given.user();
        const query = fc.record({
          role: fc.oneof(sqlInjection, fc.constant('user')),
          emailVerified: fc.oneof(sqlInjection, fc.constant('true')),
          limit: fc.oneof(sqlInjection, fc.constant('5')),
          offset: fc.oneof(sqlInjection, fc.constant('0')),
        });

        await checkProperty(
          target.name,
          fc.asyncProperty(query, async (params) => {
            const search = Object.entries(params)
              .map(([key, value]) => `${key}=${percentEncode(value)}`)
              .join('&');

            const res = await c.api.as(admin).get(`/api/admin/users?${search}`);

            expectHandled(res);
            // The one verified user, never everyone: a filter that matched was taken as data.
            const { total } = res.body as { total?: number };
            expect({ status: res.status, total }).toEqual(
              res.status === 200 ? { status: 200, total: 1 } : { status: 400, total: undefined },
            );
          }),
        );
      },
      propertyTimeout(),
    );

    it(
      'answers a verification token of injection text with the generic 400',
      async () => {
        await checkProperty(
          target.name,
          fc.asyncProperty(sqlInjection, async (token) => {
            const before = await c.db.snapshot();

            const res = await c.api.post('/api/auth/verify-email').send({ token });

            expect(res).toBeProblem(400);
            expect(await c.db.snapshot()).toEqual(before);
          }),
        );
      },
      propertyTimeout(),
    );
  });
}
