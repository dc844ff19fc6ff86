import fc from 'fast-check';
import type { BodyEncoding, RequestStep, Step } from './steps';

type Variant = (step: RequestStep) => RequestStep;

/** The first letter of the path's first literal part, percent-encoded (`/%61pi/…`). */
const escapeFirstLetter =
  (hex: (code: string) => string): Variant =>
  (step) => {
    const [first, ...rest] = step.path;
    if (typeof first !== 'string') return step;
    const escaped = first.replace(
      /[a-z]/i,
      (letter) => `%${hex(letter.charCodeAt(0).toString(16))}`,
    );
    return { ...step, path: [escaped, ...rest] };
  };

/** Paths as a careless or hostile client writes them: other case, extra slashes, dots, escapes. */
const pathVariant = fc.constantFrom<Variant>(
  (step) => ({
    ...step,
    path: step.path.map((part) => (typeof part === 'string' ? part.toUpperCase() : part)),
  }),
  (step) => ({
    ...step,
    path: step.path.map((part) =>
      typeof part === 'string' ? part.replace('/api/', '/Api/') : part,
    ),
  }),
  (step) => ({ ...step, path: [...step.path, '/'] }),
  (step) => ({ ...step, path: ['/', ...step.path] }),
  (step) => ({ ...step, path: [...step.path, '/.'] }),
  (step) => ({ ...step, path: [...step.path, '%2F'] }),
  escapeFirstLetter((hex) => hex.toUpperCase()),
  escapeFirstLetter((hex) => hex),
  (step) => ({ ...step, path: [...step.path, '%zz'] }),
  (step) => ({ ...step, path: ['/%zz', ...step.path] }),
  (step) => ({ ...step, path: [...step.path, '%FF'] }),
  (step) => ({ ...step, query: step.query === '' ? '' : `${step.query}&${step.query}` }),
  (step) => ({ ...step, method: step.method.toLowerCase() }),
  (step) => ({ ...step, method: step.method === 'GET' ? 'HEAD' : 'PUT' }),
  (step) => ({ ...step, method: 'OPTIONS' }),
);

/** Methods Node parses that no route of either app takes, and one it does not parse. */
const methodVariant = fc
  .constantFrom('QUERY', 'PROPFIND', 'SEARCH', 'TRACE', 'LOCK', 'PURGE', 'BREW')
  .map((method): Variant => (step) => ({ ...step, method }));

/** Content types a JSON body may come with, right and wrong. */
const contentTypeVariant = fc
  .constantFrom(
    undefined,
    'text/plain',
    'APPLICATION/JSON',
    'application/json; charset=UTF-8',
    'application/json;charset="utf-8"',
    'application/json; charset=latin1',
    'application/merge-patch+json',
    'application/x-www-form-urlencoded',
    'application/json, text/plain',
    '',
    ';',
  )
  .map((contentType): Variant => (step) => ({ ...step, contentType }));

/** Compressed bodies, and Content-Encoding headers that say something else. */
const encodingVariant = fc
  .constantFrom<BodyEncoding>(
    { compress: 'gzip', header: 'gzip' },
    { compress: 'deflate', header: 'deflate' },
    { compress: 'br', header: 'br' },
    { compress: 'gzip', header: 'GZIP' },
    { compress: 'none', header: 'identity' },
    { compress: 'none', header: 'gzip' },
    { compress: 'none', header: 'compress' },
    { compress: 'none', header: 'x-unknown' },
    { compress: 'gzip', header: 'gzip, identity' },
  )
  .map((encoding): Variant => (step) => ({ ...step, encoding }));

/** Headers no client of this API needs to send, some of them malformed. */
const headerVariant = fc
  .constantFrom<[string, string][]>(
    [['Accept', 'text/html']],
    [['Accept', 'application/xml']],
    [['Accept-Encoding', 'gzip, br']],
    [['X-Forwarded-For', '203.0.113.9, 10.0.0.1']],
    [['X-Forwarded-For', 'not an address']],
    [['X-HTTP-Method-Override', 'DELETE']],
    [['Authorization', 'Basic dXNlcjpwYXNz']],
    [['Authorization', 'Bearer']],
    [['Authorization', 'Bearer a.b.c']],
    [['Range', 'bytes=0-1']],
    [['If-None-Match', '*']],
    [['Origin', 'https://elsewhere.test']],
    [['Expect', '100-continue']],
    [['X-Padding', 'a'.repeat(20 * 1024)]],
    [
      ['Cookie', 'a=1'],
      ['Cookie', 'b=2'],
    ],
  )
  .map((headers): Variant => (step) => ({ ...step, headers: [...step.headers, ...headers] }));

/** Bodies that are not what the route reads: not JSON, not an object, huge. */
const bodyVariant = fc
  .constantFrom<RequestStep['body']>(
    { kind: 'text', text: '{"name": ' },
    { kind: 'text', text: '' },
    { kind: 'text', text: 'null' },
    { kind: 'text', text: '[]' },
    { kind: 'text', text: '"text"' },
    { kind: 'text', text: '{"__proto__": {"role": "admin"}}' },
    { kind: 'text', text: '{"constructor": {"prototype": {"role": "admin"}}}' },
    { kind: 'text', text: '{"name": "A", "name": "B"}' },
    { kind: 'text', text: '\uFEFF{}' },
    { kind: 'json', value: { name: 'x'.repeat(90 * 1024) } },
    { kind: 'json', value: { name: 'x'.repeat(101 * 1024) } },
  )
  .map((body): Variant => (step) => ({
    ...step,
    body,
    contentType: step.contentType ?? 'application/json',
  }));

const variant = fc.oneof(
  { weight: 3, arbitrary: pathVariant },
  { weight: 1, arbitrary: methodVariant },
  { weight: 2, arbitrary: contentTypeVariant },
  { weight: 3, arbitrary: encodingVariant },
  { weight: 3, arbitrary: headerVariant },
  { weight: 3, arbitrary: bodyVariant },
);

/** A flow step made hostile in one or two ways; other steps as they are. */
export function hostile(step: fc.Arbitrary<Step>): fc.Arbitrary<Step> {
  return fc
    .tuple(step, fc.array(variant, { minLength: 1, maxLength: 2 }))
    .map(([base, variants]) =>
      base.kind === 'request' ? variants.reduce((made, apply) => apply(made), base) : base,
    );
}
