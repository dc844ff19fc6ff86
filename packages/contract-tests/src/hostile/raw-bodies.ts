import fc from 'fast-check';

/** Both apps' body limit: 100 kB, Express's default (docs/api-contract.md). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Content types the apps read as JSON: RFC 8259 JSON is UTF-8, whatever the case. */
export const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON;charset=UTF-8',
] as const;

/** Content types whose body the apps never read as the JSON object a route expects. */
export const OTHER_TYPES = [
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=hostile',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'application/jsonx',
  'json',
] as const;

/**
 * How to make a body from a route's valid JSON text: kept small so that fast-check's report
 * of a failure reads as a recipe, not as 100 kB of spaces.
 */
export interface RawBody {
  /** `valid` is the route's JSON text; anything else breaks it in the named way. */
  shape: (typeof BROKEN)[number] | 'valid' | 'truncated';
  /** Pads the text with spaces to this many bytes. */
  bytes?: number;
  /** Where `truncated` cuts, as a fraction of the text. */
  cut?: number;
}

const BROKEN = [
  'empty',
  'space',
  'null',
  'string',
  'array',
  'trailing brace',
  'trailing comma',
  'trailing NUL',
  'single quotes',
  'NaN literal',
  'comment',
  'wrapped in __proto__',
  'form fields',
  'multipart',
] as const;

function broken(json: string, shape: RawBody['shape'], cut = 0.5): string {
  const texts: Record<RawBody['shape'], string> = {
    valid: json,
    truncated: json.slice(0, Math.max(1, Math.floor(json.length * cut))),
    empty: '',
    space: ' ',
    null: 'null',
    string: '"text"',
    array: `[${json}]`,
    'trailing brace': `${json}}`,
    'trailing comma': `${json},`,
    'trailing NUL': `${json}\u0000`,
    'single quotes': json.replaceAll('"', "'"),
    'NaN literal': json.replace(/:"[^"]*"/, ':NaN'),
    comment: `/* comment */${json}`,
    'wrapped in __proto__': `{"__proto__":${json}}`,
    'form fields': 'name=a&email=b%40c.test',
    multipart: '--hostile\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--hostile--',
  };
  return texts[shape];
}

/** The body's text, and whether it is the route's valid body (whatever its spacing). */
export function renderBody(json: string, { shape, bytes = 0, cut }: RawBody) {
  const text = broken(json, shape, cut);
  const padding = ' '.repeat(Math.max(0, bytes - Buffer.byteLength(text)));
  return { text: `${text}${padding}`, valid: shape === 'valid' };
}

const size = fc.option(
  fc.oneof(
    fc.constantFrom(BODY_LIMIT_BYTES, BODY_LIMIT_BYTES + 1),
    fc.integer({ min: 1_000, max: 3 * BODY_LIMIT_BYTES }),
  ),
  { nil: undefined },
);

/** Bodies made from a route's valid JSON: as it is, cut short, broken, or padded past the limit. */
export const rawBody: fc.Arbitrary<RawBody> = fc.record(
  {
    shape: fc.oneof(fc.constantFrom('valid', 'truncated'), fc.constantFrom(...BROKEN)),
    bytes: size,
    cut: fc.double({ min: 0, max: 0.99, noNaN: true }),
  },
  { requiredKeys: ['shape'] },
);
