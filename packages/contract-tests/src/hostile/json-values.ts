import fc from 'fast-check';
import { hostileString } from './strings';

/** Keys that reach Object.prototype when a server merges a body into an object carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** An object with these own keys, `__proto__` included, as JSON.parse would make it. */
export function objectWith(entries: readonly (readonly [string, unknown])[]) {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
}

/** `[[[…]]]` or `{"a":{"a":…}}`, deep enough to overflow a recursive walker. */
const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean())
  .map(([depth, asArray]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value };
    return value;
  });

const pollution = fc.constantFrom(...PROTO_KEYS).map((key) =>
  objectWith([
    [
      key,
      objectWith([
        ['role', 'admin'],
        ['prototype', { isAdmin: true }],
      ]),
    ],
  ]),
);

/** Keys a body may carry: our fields, the pollution keys, privileged-sounding and random ones. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...PROTO_KEYS,
    'id',
    'role',
    'isAdmin',
    'emailVerified',
    'passwordHash',
    'password_hash',
    'createdAt',
    '',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 10 }),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -0, 1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
  deeplyNested,
  pollution,
);

/** Any JSON value, weighted to the shapes that trip servers up. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{
  value: unknown;
  array: unknown[];
  object: Record<string, unknown>;
}>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectWith),
})).value;
