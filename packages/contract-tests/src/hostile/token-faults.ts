import { epochSeconds } from '@testbed/test-utils';
import fc from 'fast-check';
import { AUDIENCE, encode, ISSUER, signJwt, validClaims, type TokenTarget } from './jwt';
import { TEST_JWT_SECRET } from './response-checks';

const HS256 = { alg: 'HS256', typ: 'JWT' };
const base64urlChar = fc.constantFrom(
  ...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
);
const segment = fc.string({ unit: base64urlChar, maxLength: 60 });
// What a header may carry: visible ASCII, no spaces.
const headerSafe = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
const notA = (...values: unknown[]) => fc.anything().filter((value) => !values.includes(value));
const wrongTypeClaim = fc.constantFrom('sub', 'exp', 'iss', 'aud');

/** A token with the name of its fault, so that fast-check's report says what was wrong. */
export interface RefusedToken {
  fault: string;
  token: string;
}

const fault = (name: string, tokens: fc.Arbitrary<string>): fc.Arbitrary<RefusedToken> =>
  tokens.map((token) => ({ fault: name, token }));

/** Not a JWT at all: random text, the wrong number of parts, characters outside base64url. */
function malformed(target: TokenTarget) {
  const valid = signJwt(HS256, validClaims(target));
  return [
    fault('random text', headerSafe),
    fault(
      'wrong number of parts',
      fc
        .array(segment, { minLength: 1, maxLength: 6 })
        .filter((parts) => parts.length !== 3)
        .map((parts) => parts.join('.')),
    ),
    // Decoders read `+` as `-` and `/` as `_`: such a token carries the same signature.
    fault(
      'a character outside base64url',
      fc
        .tuple(
          fc.nat({ max: valid.length - 2 }),
          fc.constantFrom('+', '/', '=', '!', '%', '*', '"'),
        )
        .filter(([at, char]) => !['-+', '_/'].includes(`${valid[at]}${char}`))
        .map(([at, char]) => `${valid.slice(0, at)}${char}${valid.slice(at + 1)}`),
    ),
  ];
}

/** Well-formed and signed with the right secret, but a header or claims of the wrong type. */
function wrongTypes(target: TokenTarget) {
  const claims = validClaims(target);
  return [
    // A float `exp` is a valid NumericDate, and an `aud` list may hold the audience.
    fault(
      'a claim of the wrong type',
      fc
        .tuple(wrongTypeClaim, fc.anything())
        .filter(([claim, value]) => {
          if (claim === 'exp') return typeof value !== 'number';
          if (claim === 'aud')
            return !(Array.isArray(value) && value.includes(AUDIENCE)) && value !== AUDIENCE;
          return value !== claims[claim as keyof typeof claims];
        })
        .map(([claim, value]) => signJwt(HS256, { ...claims, [claim]: value })),
    ),
    fault(
      'a payload that is not an object',
      notA(undefined)
        .filter(
          (payload) => typeof payload !== 'object' || payload === null || Array.isArray(payload),
        )
        .map((payload) => signJwt(HS256, payload)),
    ),
    fault(
      'a header that is not an object',
      fc
        .oneof(fc.constant([HS256]), fc.string(), fc.integer())
        .map((header) => signJwt(header, claims)),
    ),
  ];
}

/** Algorithms the apps must refuse: unsigned, other HMACs, asymmetric ones with no key. */
function wrongAlgorithm(target: TokenTarget) {
  const claims = validClaims(target);
  return [
    fault(
      'alg none',
      fc
        .constantFrom('none', 'None', 'NONE', 'nOnE')
        .map((alg) => signJwt({ alg, typ: 'JWT' }, claims, { unsigned: true })),
    ),
    fault(
      'another HMAC, or HS256 misspelt',
      fc
        .constantFrom(
          ['HS384', 'sha384'],
          ['HS512', 'sha512'],
          ['hs256', 'sha256'],
          ['HS256 ', 'sha256'],
        )
        .map(([alg, hash]) => signJwt({ alg, typ: 'JWT' }, claims, { hash })),
    ),
    fault(
      'an asymmetric alg',
      fc
        .tuple(fc.constantFrom('RS256', 'ES256', 'PS256', 'EdDSA'), segment)
        .map(
          ([alg, signature]) =>
            `${signJwt({ alg, typ: 'JWT' }, claims, { unsigned: true })}${signature}`,
        ),
    ),
    fault('no alg', fc.constant(signJwt({ typ: 'JWT' }, claims))),
    fault(
      'an unknown crit header',
      fc.constant(signJwt({ ...HS256, crit: ['x-unknown'], 'x-unknown': true }, claims)),
    ),
    fault(
      'an unencoded payload (b64: false)',
      fc.constant(signJwt({ ...HS256, b64: false, crit: ['b64'] }, claims)),
    ),
  ];
}

/** Signed tokens with one thing wrong: the secret, the payload, the issuer, the date, the user. */
function tampered(target: TokenTarget) {
  const claims = validClaims(target);
  const now = epochSeconds(target.now);
  const valid = signJwt(HS256, claims);
  const [header, , signature] = valid.split('.');
  return [
    fault(
      'signed with another secret',
      fc
        .string({ minLength: 1 })
        .filter((secret) => secret !== TEST_JWT_SECRET)
        .map((secret) => signJwt(HS256, claims, { secret })),
    ),
    fault(
      'payload changed after signing',
      fc
        .record({ role: fc.constantFrom('admin', 'root'), sub: fc.uuid() })
        .map((change) => `${header}.${encode({ ...claims, ...change })}.${signature}`),
    ),
    // Any but the last character: that one also carries padding bits a decoder may ignore.
    fault(
      'signature changed',
      fc
        .tuple(fc.nat({ max: 41 }), base64urlChar)
        .filter(([at, char]) => signature?.[at] !== char)
        .map(
          ([at, char]) =>
            `${header}.${encode(claims)}.${signature?.slice(0, at)}${char}${signature?.slice(at + 1)}`,
        ),
    ),
    fault(
      'wrong issuer',
      fc
        .string()
        .filter((iss) => iss !== ISSUER)
        .map((iss) => signJwt(HS256, { ...claims, iss })),
    ),
    fault(
      'wrong audience',
      fc
        .string()
        .filter((aud) => aud !== AUDIENCE)
        .map((aud) => signJwt(HS256, { ...claims, aud })),
    ),
    fault(
      'expired',
      fc
        .integer({ min: 0, max: 10 ** 9 })
        .map((ago) => signJwt(HS256, { ...claims, exp: now - ago })),
    ),
    fault(
      'not valid yet (nbf)',
      fc
        .integer({ min: 1, max: 10 ** 6 })
        .map((ahead) => signJwt(HS256, { ...claims, nbf: now + ahead })),
    ),
    fault('sub missing', fc.constant(signJwt(HS256, { ...claims, sub: undefined }))),
    fault('exp missing', fc.constant(signJwt(HS256, { ...claims, exp: undefined }))),
    fault(
      'sub of no user',
      fc
        .uuid()
        .filter((id) => id.toLowerCase() !== target.userId)
        .map((sub) => signJwt(HS256, { ...claims, sub })),
    ),
    fault(
      'sub not a user id',
      fc.string().map((sub) => signJwt(HS256, { ...claims, sub })),
    ),
    // The caller's own id, in an array: text that coerces to a valid id.
    fault(
      'sub an array holding the id',
      fc.constant(signJwt(HS256, { ...claims, sub: [target.userId] })),
    ),
  ];
}

/** Each kind of access token the apps must answer with 401, one arbitrary per fault. */
export const tokenFaults = (target: TokenTarget): fc.Arbitrary<RefusedToken>[] => [
  ...malformed(target),
  ...wrongTypes(target),
  ...wrongAlgorithm(target),
  ...tampered(target),
];

/** Every kind of access token the apps must answer with 401. */
export const refusedToken = (target: TokenTarget): fc.Arbitrary<RefusedToken> =>
  // One flat choice, so each fault is as likely as any other, however many its class has.
  fc.oneof(...tokenFaults(target));

/**
 * Authorization headers that do not carry a bearer token the right way, by name: the app says
 * how to send one. (`Bearer "<token>"` is well formed, its token is not: see refusedToken.)
 */
export const malformedAuthorizations = (validToken: string): [fault: string, header: string][] => [
  ['empty', ''],
  ['the scheme alone', 'Bearer'],
  ['the scheme and a space', 'Bearer '],
  ['another scheme', `Basic ${validToken}`],
  ['a scheme that only ends in Bearer', `XBearer ${validToken}`],
  ['the token alone', validToken],
  ['a word after the token', `Bearer ${validToken} extra`],
  ['a second credential', `Bearer ${validToken},Bearer x`],
];

/** An Authorization header that does not carry a bearer token the right way. */
export const refusedAuthorization = (validToken: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...malformedAuthorizations(validToken).map(([, header]) => header)),
    fc.constantFrom(`Token ${validToken}`, `Bearer "${validToken}"`),
    headerSafe
      .map((text) => `Bearer ${validToken}${text.length > 0 ? ' ' : ''}${text}`)
      .filter((value) => value.trim() !== `Bearer ${validToken}`),
  );
