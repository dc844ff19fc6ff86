/**
 * JSON.parse's reviver that refuses, anywhere in a body, a `__proto__` key or a `constructor`
 * key holding `prototype`: the keys that change an object's prototype when a body is merged
 * into one carelessly. The Fastify twin's parser (secure-json-parse) refuses the same keys,
 * and both answer as for any unparsable body (docs/api-contract.md).
 */
export function refusePrototypeKeys(this: unknown, key: string, value: unknown): unknown {
  // Object() of null or of a string, number or boolean has no own `prototype`: no type checks.
  const holdsPrototype = Object.hasOwn(Object(value) as object, 'prototype');
  if (key === '__proto__' || (key === 'constructor' && holdsPrototype))
    // Stryker disable next-line StringLiteral: never shown nor logged, body-parser's refusal is answered as JSON it cannot parse
    throw new SyntaxError('The body holds a key that could change a prototype.');
  return value;
}
