import fc from 'fast-check';

/** Classic injection payloads: harmless as data, fatal if one is ever spliced into SQL. */
export const SQL_PAYLOADS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  "'; DROP TABLE users; --",
  "%' AND pg_sleep(1)--",
  "'; SELECT pg_sleep(1); --",
  "1; UPDATE users SET role='admin' --",
  "' UNION SELECT password_hash FROM users --",
  "admin'--",
  '\\x00',
  "\\'; --",
  '$$; DROP TABLE users; $$',
  'ʼ OR 1=1 --',
  '‘ OR ‘1’=‘1',
  '＇ OR 1=1 --',
  '/**/OR/**/1=1',
  "E'\\x27' OR 1=1",
  '%_%',
  ':name $1 ?',
] as const;

const fragment = fc.oneof(
  fc.constantFrom(...SQL_PAYLOADS),
  fc.constantFrom("'", '"', ';', '--', '/*', '*/', '\\', '%', '_', '$1', '`', ' OR ', ' AND '),
  fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
);

/** A known payload, or a run of payloads and quote characters glued together. */
export const sqlInjection: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_PAYLOADS),
  fc.array(fragment, { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')),
);
