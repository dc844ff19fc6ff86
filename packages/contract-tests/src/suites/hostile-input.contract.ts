import fc from 'fast-check';
import { BODY_ROUTES } from '../hostile/body-routes';
import { applyMutations, bodyMutations } from '../hostile/body-mutations';
import { checkProperty, propertyTimeout } from '../hostile/check-property';
import { hostileQuery } from '../hostile/query-strings';
import { keepsRules } from '../hostile/field-rules';
import { expectHandled } from '../hostile/response-checks';
import { expectStoredAsSent } from '../hostile/stored-user';
import type { ContractTarget } from '../target';
import { useContractApp, type ContractApp } from '../use-contract-app';

interface Page {
  items: unknown[];
  limit: number;
  offset: number;
}

type Caller = (c: ContractApp) => Promise<{ token: string }>;

// Each route that reads a query: its path, its parameters and who may call it.
const QUERY_ROUTES: [path: string, params: string[], caller: Caller][] = [
  ['/api/users', ['limit', 'offset'], (c) => c.given.user()],
  ['/api/admin/users', ['role', 'emailVerified', 'limit', 'offset'], (c) => c.given.admin()],
];

/**
 * Generated bodies and queries on every route that reads one (docs/hardening/hostile-input.md):
 * whatever a client sends, the answer is a documented status, an error is a clean problem,
 * and a refused request writes nothing.
 */
export function describeHostileInputContract(target: ContractTarget): void {
  describe(`${target.name} · hostile input`, () => {
    const c = useContractApp(target);

    describe.each(Object.entries(BODY_ROUTES))('%s', (_name, setup) => {
      it(
        'answers every generated body with a listed status, never a 5xx, and writes nothing when it refuses',
        async () => {
          const route = await setup(c);

          await checkProperty(
            target.name,
            fc.asyncProperty(bodyMutations(Object.keys(route.rules)), async (mutations) => {
              const body = applyMutations(route.valid(), mutations);
              const before = await c.db.snapshot(...route.mayWrite);

              const res = await route.send().type('application/json').send(JSON.stringify(body));

              expectHandled(res);
              expect(route.statuses).toContain(res.status);
              const refused = res.status >= 400;
              const after = await c.db.snapshot(...route.mayWrite);
              expect(after).toEqual(refused ? before : after);
              // Accepted: then the body kept every rule of the contract, and no unknown field.
              expect(refused || keepsRules(body, route.rules)).toBe(true);
              const returned = res.body as { id?: string; name: string; email: string };
              // A route that answered a user (PATCH, POST) stored it as sent.
              if (!refused && returned.id)
                await expectStoredAsSent(c.db, body as object, { ...returned, id: returned.id });
            }),
          );
        },
        propertyTimeout(),
      );
    });

    describe('cases the properties found', () => {
      it('answers a name with a NUL character with 400, not a 500 from the database', async () => {
        const res = await c.api
          .post('/api/auth/register')
          .send({ ...c.given.attributes(), name: 'a\u0000b' });

        expect(res).toBeProblem(400, { errors: [{ path: 'name' }] });
        expect(await c.db.rows('SELECT id FROM users')).toEqual([]);
      });

      it('refuses a name with an unpaired surrogate with 400, rather than store it changed', async () => {
        const user = await c.given.user();

        const res = await c.api.as(user).patch(`/api/users/${user.id}`).send({ name: 'x\ud800' });

        expect(res).toBeProblem(400, { errors: [{ path: 'name' }] });
        expect(await c.db.rows('SELECT name FROM users')).toEqual([{ name: user.name }]);
      });

      // The other side of the rule above: a character outside the BMP is a surrogate *pair*.
      it('accepts a name and a password with paired surrogates (an emoji), the name stored as sent', async () => {
        const attributes = {
          ...c.given.attributes(),
          name: 'Zoë 🦊',
          password: 'fox 🦊 in the snow',
        };

        const res = await c.api.post('/api/auth/register').send(attributes);

        expect(res.status).toBe(201);
        expect(await c.db.rows('SELECT name FROM users')).toEqual([{ name: 'Zoë 🦊' }]);
      });

      it('answers a login email with a NUL character with 400, not a 500 from the database', async () => {
        const res = await c.api.post('/api/auth/login').send({ email: '\u0000', password: 'x' });

        expect(res).toBeProblem(400, { errors: [{ path: 'email' }] });
      });

      it('refuses a password with an unpaired surrogate, which would be hashed as another password', async () => {
        const res = await c.api
          .post('/api/auth/register')
          .send({ ...c.given.attributes(), password: 'password\ud800' });

        expect(res).toBeProblem(400, { errors: [{ path: 'password' }] });
        expect(await c.db.rows('SELECT id FROM users')).toEqual([]);
      });
    });

    describe.each(QUERY_ROUTES)('GET %s', (path, params, callerFor) => {
      it(
        'answers every generated query with 200 or a 400 problem, and writes nothing',
        async () => {
          const caller = await callerFor(c);

          await checkProperty(
            target.name,
            fc.asyncProperty(hostileQuery(params), async (query) => {
              const before = await c.db.snapshot();

              const res = await c.api.as(caller).get(`${path}?${query}`);

              expectHandled(res);
              expect([200, 400]).toContain(res.status);
              expect(await c.db.snapshot()).toEqual(before);
              // A page served is within the contract's bounds; a 400 carries none.
              const page = res.body as Partial<Page>;
              const { limit = 1, offset = 0, items = [] } = res.status === 200 ? page : {};
              expect(limit).toBeGreaterThanOrEqual(1);
              expect(limit).toBeLessThanOrEqual(100);
              expect(offset).toBeGreaterThanOrEqual(0);
              expect(items.length).toBeLessThanOrEqual(limit);
            }),
          );
        },
        propertyTimeout(),
      );
    });
  });
}
