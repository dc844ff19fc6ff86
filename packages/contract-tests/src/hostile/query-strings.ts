import fc from 'fast-check';
import { hostileKey } from './json-values';
import { hostileString } from './strings';

/** Percent-encodes every byte but the unreserved ones; a lone surrogate goes as U+FFFD's bytes. */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[\w.~-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

const value = fc.oneof(
  fc.constantFrom('1', '100', '101', '0', '-1', '20.5', '1e2', ' 5', '0x10', 'Infinity', 'NaN'),
  fc.constantFrom('', 'true', 'false', 'TRUE', '1', 'admin', 'user', 'ADMIN', 'root'),
  fc.integer().map(String),
  fc.double().map(String),
  // Node refuses a request line over 16 kB with 431 before the app sees it.
  hostileString.filter((text) => text.length <= 1_000),
);

// Pieces only a hand-written query has: bad escapes, brackets, repeated separators.
const raw = fc.constantFrom(
  '%',
  'limit=%zz',
  'offset=%E0%A4%A',
  'limit[]=1',
  'limit[a]=1',
  '__proto__[role]=admin',
  'constructor[prototype][role]=admin',
  '&&&',
  '=',
  'limit',
  'offset=1;limit=2',
);

/** A query string for a route whose parameters are `names`: theirs and others, well or badly formed. */
export function hostileQuery(names: readonly string[]): fc.Arbitrary<string> {
  const pair = fc
    .tuple(fc.oneof(fc.constantFrom(...names), hostileKey), value)
    .map(([key, text]) => `${percentEncode(key)}=${percentEncode(text)}`);
  return fc
    .array(fc.oneof({ weight: 4, arbitrary: pair }, { weight: 1, arbitrary: raw }), {
      maxLength: 5,
    })
    .map((parts) => parts.join('&'));
}
