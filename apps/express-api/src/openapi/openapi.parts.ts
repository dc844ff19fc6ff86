import { z } from 'zod';

/** Small builders for the OpenAPI document: responses, bodies, parameters. */
export type Schema = Record<string, unknown>;

// Request schemas as the client writes them (before trimming, defaults), responses as sent.
export const input = (schema: z.ZodType): Schema =>
  z.toJSONSchema(schema, {
    io: 'input',
    // Stryker disable next-line StringLiteral: zod reads any setting but 'throw' as 'any' for every type these bodies use (it differs only for bigint and undefined literals)
    unrepresentable: 'any',
  });
export const output = (schema: z.ZodType): Schema =>
  z.toJSONSchema(schema, { unrepresentable: 'any' });

export const problemSchema: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  additionalProperties: false,
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        additionalProperties: false,
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

export const STATUS_TEXT = {
  400: 'Invalid input',
  401: 'Not signed in, or the access token is invalid',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Email already taken',
  413: 'The body is larger than 100 kB',
  429: 'Too many failed attempts; see Retry-After',
  500: 'An unexpected error; nothing internal is in the body',
  503: 'A dependency (database, mail) is unavailable',
} as const;
/** A status the document describes: one without words here is a type error, not a blank. */
type Status = keyof typeof STATUS_TEXT;

/** The 400 of a route that sets a password: the breached-password check answers with it too. */
export const PASSWORD_400 =
  'Invalid input, or a password known from a data breach (a field error on `password`)';

export const json = (schema: Schema) => ({ 'application/json': { schema } });
// Any route can fail unexpectedly, so every operation lists the 500 problem too.
export const problems = (...statuses: Status[]) =>
  Object.fromEntries(
    [...statuses, 500 as const].map((status) => [
      String(status),
      {
        description: STATUS_TEXT[status],
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
    ]),
  );
/** The problems of a route that sets a password, its 400 described as such. */
export const passwordProblems = (...statuses: Status[]) => {
  const responses = problems(...statuses);
  return { ...responses, '400': { ...responses['400'], description: PASSWORD_400 } };
};
export const ok = (description: string, schema?: Schema) => ({
  description,
  ...(schema ? { content: json(schema) } : {}),
});
export const body = (schema: z.ZodType) => ({ required: true, content: json(input(schema)) });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const signedIn = [{ bearer: [] }];
export const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
export const query = (name: string, schema: Schema) => ({
  name,
  in: 'query',
  required: false,
  schema,
});
export const paging = [
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
  query('offset', { type: 'integer', minimum: 0, default: 0 }),
];
export const created = {
  ...ok('Created', ref('User')),
  headers: { Location: { schema: { type: 'string' } } },
};
