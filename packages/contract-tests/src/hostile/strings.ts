import fc from 'fast-check';
import { sqlInjection } from './sql-injection';

/** Strings a careful client never sends, each a known way to break a naive server. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '\u202eRTL override',
  '\u200b\u200c\u200d\ufeff',
  '𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷ İı ß',
  '${7*7}{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%0d%0a',
  'null',
  'NaN',
  '-1',
  '1e309',
  'true',
  '{}',
] as const;

const around = (middle: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.string({ maxLength: 8 }), middle, fc.string({ maxLength: 8 }))
    .map((parts) => parts.join(''));

// Any UTF-16 code unit, so controls and lone surrogates come up as often as letters.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((unit) => String.fromCharCode(unit));
const invisible = fc.constantFrom(
  '\u202e',
  '\u200f',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u0007',
  '\u001b',
);

/** Longer than any field allows, short enough to stay under the 100 kB body limit. */
const huge = fc
  .tuple(fc.constantFrom('x', 'é', '𝕏', "'"), fc.integer({ min: 101, max: 30_000 }))
  .map(([unit, count]) => unit.repeat(count));

/**
 * One class of trouble per pick, in equal measure: PostgreSQL refuses NUL in text, UTF-8
 * cannot encode a lone surrogate, invisible and right-to-left marks fool whoever reads the
 * value, SQL fragments test the queries, huge strings test the limits.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  around(fc.constant('\u0000')),
  around(loneSurrogate),
  around(invisible),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  sqlInjection,
  huge,
);
