import fc from 'fast-check';
import { BODY_ROUTES, type BodyRoute } from '../hostile/body-routes';
import { checkProperty, propertyTimeout } from '../hostile/check-property';
import {
  BODY_LIMIT_BYTES,
  JSON_TYPES,
  OTHER_TYPES,
  rawBody,
  renderBody,
} from '../hostile/raw-bodies';
import { expectHandled } from '../hostile/response-checks';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

// Routes whose valid body is accepted every time, so a refusal is the encoding's fault.
const ROUTES = [
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/users (admin)',
  'PATCH /api/users/{id} (self)',
] as const;

/**
 * The bytes around the JSON (docs/hardening/hostile-input.md): a body over the limit is 413
 * whatever its type, a body that is not the route's JSON object in UTF-8 is never accepted,
 * and a valid one is accepted whatever its spacing. problems.contract.ts has one example of
 * each; this crosses every content type with every kind of body.
 */
export function describeHostileEncodingContract(target: ContractTarget): void {
  describe(`${target.name} · hostile encodings`, () => {
    const c = useContractApp(target);

    describe('cases the property found', () => {
      it('answers a body over 100 kB with 413 whatever its content type', async () => {
        const res = await c.api
          .post('/api/auth/login')
          .type('text/plain')
          .send('x'.repeat(BODY_LIMIT_BYTES + 1));

        expect(res).toBeProblem(413);
      });

      it.each(['application/json ; charset=utf-8', 'application/json;charset="UTF-8"'])(
        'reads the body under Content-Type %s: spaces and quotes where HTTP allows them',
        async (type) => {
          const res = await c.api
            .post('/api/auth/register')
            .set('content-type', type)
            .send(JSON.stringify(c.given.attributes()));

          expect(res.status).toBe(201);
        },
      );

      it.each(['application/json; charset=latin1', 'json'])(
        'reads no body under Content-Type %s: 400, not a 415 the contract does not have',
        async (type) => {
          const res = await c.api
            .post('/api/auth/register')
            .set('content-type', type)
            .send(JSON.stringify(c.given.attributes()));

          expect(res).toBeProblem(400);
          expect(await c.db.rows('SELECT id FROM users')).toEqual([]);
        },
      );
    });

    it(
      'answers 413 over the limit, refuses what is not a JSON object, and accepts a valid body in any spacing',
      async () => {
        const routes = new Map<string, BodyRoute>();
        for (const name of ROUTES) routes.set(name, await BODY_ROUTES[name](c));
        const contentType = fc.option(fc.constantFrom(...JSON_TYPES, ...OTHER_TYPES), {
          nil: undefined,
        });

        await checkProperty(
          target.name,
          fc.asyncProperty(
            fc.constantFrom(...ROUTES),
            rawBody,
            contentType,
            async (name, recipe, type) => {
              const route = routes.get(name);
              if (!route) throw new Error(`No set-up for ${name}.`);
              const { text, valid } = renderBody(JSON.stringify(route.valid()), recipe);
              const req = route.send();
              if (type) req.set('content-type', type);
              const before = await c.db.snapshot(...route.mayWrite);

              // superagent serialises a Buffer as JSON under a JSON type, and labels a string as a
              // form under none: so a string when there is a type, the raw bytes when there is none.
              const res = await req.send(type ? text : Buffer.from(text));

              expectHandled(res);
              const json = type !== undefined && (JSON_TYPES as readonly string[]).includes(type);
              const tooLarge = Buffer.byteLength(text) > BODY_LIMIT_BYTES;
              const expected = tooLarge
                ? 'refused as too large'
                : json && valid
                  ? 'accepted'
                  : 'refused';
              const refused = res.status >= 400;
              const outcome =
                res.status === 413 ? 'refused as too large' : refused ? 'refused' : 'accepted';
              expect(outcome).toBe(expected);
              // Whatever was accepted may have written; nothing refused did.
              const after = await c.db.snapshot(...route.mayWrite);
              expect(after).toEqual(refused ? before : after);
            },
          ),
        );
      },
      propertyTimeout(),
    );
  });
}
