import fc from 'fast-check';
import { objectWith } from '../hostile/json-values';
import {
  ACTORS,
  PASSWORD,
  emailOf,
  jsonRequest,
  nameOf,
  type Actor,
  type Caller,
  type PathPart,
  type Step,
} from './steps';

const actor = fc.constantFrom(...ACTORS);
// Mostly an actor, so that most requests get past authentication.
const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 6, arbitrary: actor },
  { weight: 1, arbitrary: fc.constantFrom('anonymous' as const, 'forged-token' as const) },
);

/** An id in a path: an actor's (as the app has it, sometimes upper-cased) or a malformed one. */
const userId: fc.Arbitrary<PathPart> = fc.oneof(
  { weight: 6, arbitrary: actor.map((idOf) => ({ idOf })) },
  { weight: 1, arbitrary: actor.map((idOf) => ({ idOf, upper: true })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      '1',
      '%20',
      'null',
      '..',
    ),
  },
);

const pagingQuery = fc.constantFrom(
  '',
  'limit=1',
  'limit=2&offset=1',
  'limit=0',
  'limit=100',
  'limit=101',
  'limit=abc',
  'limit=1.5',
  'offset=-1',
  'offset=99',
  'limit=1&limit=2',
  'limit=',
  '__proto__=1',
);
const adminQuery = fc.oneof(
  pagingQuery,
  fc.constantFrom(
    'role=admin',
    'role=user',
    'role=root',
    'emailVerified=true',
    'emailVerified=false',
    'emailVerified=yes',
    'role=user&emailVerified=false&limit=1',
  ),
);

/** A field value: right, or wrong in one of the ways the contract names. */
const nameValue = fc.oneof(
  { weight: 4, arbitrary: actor.map(nameOf) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(101), 42, null, ['a'], { a: 1 }) },
);
const emailValue = fc.oneof(
  { weight: 4, arbitrary: actor.map(emailOf) },
  {
    weight: 1,
    arbitrary: actor.map((a) => `  ${emailOf(a).toUpperCase()}  `),
  },
  { weight: 1, arbitrary: fc.constantFrom('not-an-email', '', 'a@', 7, null) },
);
const passwordValue = fc.oneof(
  { weight: 4, arbitrary: fc.constant(PASSWORD) },
  { weight: 1, arbitrary: fc.constantFrom('short', 'x'.repeat(129), 'x'.repeat(128), 12345678) },
);
const roleValue = fc.constantFrom('user', 'admin', 'root', 'ADMIN', null);

/** A body with the route's fields, some of them dropped, plus now and then one it does not know. */
function bodyOf(fields: Record<string, fc.Arbitrary<unknown>>, required: readonly string[]) {
  const unknownField = fc.constantFrom(
    ['__proto__', { role: 'admin' }],
    ['constructor', { prototype: { role: 'admin' } }],
    ['prototype', 1],
    ['isAdmin', true],
    ['id', '00000000-0000-4000-8000-000000000000'],
    ['passwordHash', 'x'],
  );
  return fc
    .tuple(fc.record(fields, { requiredKeys: [...required] }), fc.option(unknownField, { freq: 6 }))
    .map(([body, extra]) =>
      objectWith([...Object.entries(body), ...(extra ? [extra as [string, unknown]] : [])]),
    );
}

const register = actor.chain((who) =>
  fc
    .oneof(
      {
        weight: 5,
        arbitrary: fc.constant({ name: nameOf(who), email: emailOf(who), password: PASSWORD }),
      },
      {
        weight: 1,
        arbitrary: bodyOf({ name: nameValue, email: emailValue, password: passwordValue }, []),
      },
    )
    .map((value): Step =>
      jsonRequest(
        'POST',
        ['/api/auth/register'],
        'anonymous',
        { kind: 'json', value },
        { creates: who },
      ),
    ),
);

const verify = fc.oneof(
  {
    weight: 5,
    arbitrary: actor.map((who): Step =>
      jsonRequest('POST', ['/api/auth/verify-email'], 'anonymous', {
        kind: 'verification-token',
        actor: who,
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom({ token: 'no-such-token' }, { token: '' }, { token: 42 }, {})
      .map((value): Step =>
        jsonRequest('POST', ['/api/auth/verify-email'], 'anonymous', { kind: 'json', value }),
      ),
  },
);

const login = fc
  .tuple(actor, fc.constantFrom(PASSWORD, PASSWORD, 'wrong password', ''))
  .map(([who, password]): Step =>
    jsonRequest(
      'POST',
      ['/api/auth/login'],
      'anonymous',
      { kind: 'json', value: { email: emailOf(who), password } },
      { signsIn: who },
    ),
  );

const profile = caller.map((who): Step => jsonRequest('GET', ['/api/profile'], who));
const listUsers = fc
  .tuple(caller, pagingQuery)
  .map(([who, query]): Step => jsonRequest('GET', ['/api/users'], who, undefined, { query }));
const adminList = fc
  .tuple(caller, adminQuery)
  .map(([who, query]): Step => jsonRequest('GET', ['/api/admin/users'], who, undefined, { query }));
const getUser = fc
  .tuple(caller, userId)
  .map(([who, id]): Step => jsonRequest('GET', ['/api/users/', id], who));
const deleteUser = fc
  .tuple(caller, userId)
  .map(([who, id]): Step => jsonRequest('DELETE', ['/api/users/', id], who));

const createUser = fc
  .tuple(
    caller,
    actor,
    bodyOf(
      {
        name: nameValue,
        email: emailValue,
        password: passwordValue,
        role: roleValue,
        emailVerified: fc.constantFrom(true, false, 'yes'),
      },
      ['name', 'email', 'password'],
    ),
  )
  .map(([who, made, value]): Step =>
    jsonRequest('POST', ['/api/users'], who, { kind: 'json', value }, { creates: made }),
  );

const patchUser = fc
  .tuple(caller, userId, bodyOf({ name: nameValue, email: emailValue, role: roleValue }, []))
  .map(([who, id, value]): Step =>
    jsonRequest('PATCH', ['/api/users/', id], who, { kind: 'json', value }),
  );

const promote = actor.map((who): Step => ({ kind: 'promote', actor: who }));
const advanceClock = fc
  .constantFrom(1, 60, 15 * 60, 24 * 60 * 60 + 1)
  .map((seconds): Step => ({ kind: 'advance-clock', seconds }));

/** The API used as a client would: every route the contract lists, with right and wrong input. */
export const flowStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: register },
  { weight: 3, arbitrary: verify },
  { weight: 3, arbitrary: login },
  { weight: 2, arbitrary: profile },
  { weight: 2, arbitrary: listUsers },
  { weight: 2, arbitrary: getUser },
  { weight: 2, arbitrary: createUser },
  { weight: 3, arbitrary: patchUser },
  { weight: 2, arbitrary: deleteUser },
  { weight: 2, arbitrary: adminList },
  { weight: 1, arbitrary: promote },
  { weight: 1, arbitrary: advanceClock },
);

/** Register, verify and sign in: the start most sequences need to reach the signed-in routes. */
export function signedIn(who: Actor): Step[] {
  const body = { name: nameOf(who), email: emailOf(who), password: PASSWORD };
  return [
    jsonRequest(
      'POST',
      ['/api/auth/register'],
      'anonymous',
      { kind: 'json', value: body },
      {
        creates: who,
      },
    ),
    jsonRequest('POST', ['/api/auth/verify-email'], 'anonymous', {
      kind: 'verification-token',
      actor: who,
    }),
    jsonRequest(
      'POST',
      ['/api/auth/login'],
      'anonymous',
      { kind: 'json', value: { email: emailOf(who), password: PASSWORD } },
      { signsIn: who },
    ),
  ];
}
