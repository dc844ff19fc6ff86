// Unit tests of the OpenAPI response validator's schemas (docs/contract-suite.md): a `$ref`
// is followed as JSON Schema says, whether it points into the document, into a schema with its
// own `$id` or at an `$id`, and a schema that many responses name is compiled once.
import Ajv2020 from 'ajv/dist/2020';
import { createResponseValidator, type Exchange, type OpenApiDocument } from '../../src';

const json = (schema: object) => ({ 'application/json': { schema } });
const gets = (schema: object) => ({
  get: { responses: { '200': { description: 'OK', content: json(schema) } } },
});
const user = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/users/{id}': gets(user('User')),
    '/~{handle}': gets(user('User')),
    '/me': gets(user('Me')),
    '/admins/{id}': gets({ ...user('User'), required: ['role'] }),
    '/codes/{code}': gets({ $ref: '#/components/schemas/Codes/$defs/Alias' }),
    '/prices/{id}': gets({ $ref: 'https://example.test/schemas/price' }),
    '/orders/{id}': gets({ $ref: '#/components/schemas/Order/properties/id' }),
  },
  components: {
    schemas: {
      User: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, role: { type: 'string' } },
      },
      // Only a $ref: validates as User does.
      Me: user('User'),
      // A schema resource of its own: `#/$defs/Code` inside it means its own $defs.
      Codes: {
        $id: 'https://example.test/schemas/codes',
        $defs: { Code: { type: 'string', maxLength: 3 }, Alias: { $ref: '#/$defs/Code' } },
      },
      Price: {
        $id: 'https://example.test/schemas/price',
        type: 'string',
        pattern: '^\\d+\\.\\d\\d$',
      },
    },
  },
};

const get = (url: string, body: unknown): Exchange => ({
  method: 'GET',
  url,
  status: 200,
  headers: { 'content-type': 'application/json' },
  text: JSON.stringify(body),
});

describe('createResponseValidator following $ref', () => {
  afterEach(() => jest.restoreAllMocks());

  it('compiles a schema once however many responses name it, directly or through another $ref', () => {
    const compile = jest.spyOn(Ajv2020.prototype, 'compile');
    const validator = createResponseValidator(document);

    const problems = [
      validator.problemsWith(get('/users/1', { id: '1' })),
      validator.problemsWith(get('/~alice', { id: '2' })),
      validator.problemsWith(get('/me', {})),
    ];

    expect(problems).toEqual([[], [], ["body must have required property 'id'"]]);
    expect(compile.mock.calls).toEqual([[{ $ref: 'openapi.json#/components/schemas/User' }]]);
  });

  it('checks the keywords written beside a $ref as well as its target', () => {
    const validator = createResponseValidator(document);

    expect(validator.problemsWith(get('/admins/1', { id: '1' }))).toEqual([
      "body must have required property 'role'",
    ]);
  });

  it('reads a $ref inside a schema with its own $id as relative to that schema', () => {
    const validator = createResponseValidator(document);

    expect(validator.problemsWith(get('/codes/abcd', 'abcd'))).toEqual([
      'body must NOT have more than 3 characters',
    ]);
  });

  it('follows a $ref that names a schema by its $id', () => {
    const validator = createResponseValidator(document);

    expect(validator.problemsWith(get('/prices/1', '12.5'))).toEqual([
      'body must match pattern "^\\d+\\.\\d\\d$"',
    ]);
  });

  it('names a $ref that points at nothing in the document when a response first needs it', () => {
    const validator = createResponseValidator(document);

    expect(() => validator.problemsWith(get('/orders/1', '1'))).toThrow(
      "can't resolve reference openapi.json#/components/schemas/Order/properties/id",
    );
  });
});
