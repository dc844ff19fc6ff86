// Unit tests of how the OpenAPI response validator finds what the document says of a request
// (docs/contract-suite.md): the path as the apps route it, escapes and all, the operation and
// its `default` response, and what a path or method the document does not list may answer.
import {
  createResponseValidator,
  findOperation,
  type Exchange,
  type OpenApiDocument,
} from '../../src';

const problemJson = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/health': { get: { responses: { '200': { description: 'OK' } } } },
    '/files/{name}.json': { get: { responses: { '200': { description: 'A file' } } } },
    '/~{handle}': { get: { responses: { '200': { description: 'A page' } } } },
    '/jobs/{id}': {
      get: {
        responses: {
          '202': { description: 'Accepted' },
          default: { description: 'A problem', content: problemJson },
        },
      },
    },
  },
  components: {
    schemas: {
      Problem: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'integer' } },
      },
    },
  },
};

const validator = createResponseValidator(document);

const exchange = (url: string, status: number, body?: unknown): Exchange => ({
  method: 'GET',
  url,
  status,
  headers: { 'content-type': 'application/problem+json' },
  text: body === undefined ? '' : JSON.stringify(body),
});

describe('createResponseValidator reading the request path', () => {
  it('reads an escaped letter, digit or -._~ as the character, as the apps route it', () => {
    expect(validator.problemsWith(exchange('/%68ealth', 200))).toEqual([]);
  });

  it('reads a path with a trailing slash as the path without it, as the apps route it', () => {
    expect(validator.problemsWith(exchange('/health/', 200))).toEqual([]);
    expect(validator.problemsWith(exchange('/', 200))).toEqual([
      'the document describes no path /',
    ]);
  });

  it('leaves every other escape as it is', () => {
    const unreserved = '%41%49%4A%4F%4a%4f%61%69%6A%6F%6a%6f%50%59%5A%5a%70%79%7A%7a%30%39';
    const marks = '%2D%2E%2d%2e%5F%5f%7E%7e';
    const others = '%40%60%5B%5E%7B%7F%2F%3A%2C%20';

    expect(validator.problemsWith(exchange(`/${unreserved}${marks}${others}`, 200))).toEqual([
      'the document describes no path /AIJOJOaijojoPYZZpyzz09-.-.__~~%40%60%5B%5E%7B%7F%2F%3A%2C%20',
    ]);
  });

  it('allows only the 400 problem for a path with bad percent-encoding, as the apps refuse it', () => {
    expect(validator.problemsWith(exchange('/health/%zz', 400, { status: 400 }))).toEqual([]);
    expect(validator.problemsWith(exchange('/health/%E2%82', 404, { status: 404 }))).toEqual([
      'the document describes no 404 for a path with bad percent-encoding',
    ]);
  });

  it('matches a template parameter to one path segment only', () => {
    expect(validator.problemsWith(exchange('/jobs/1/logs', 200))).toEqual([
      'the document describes no path /jobs/1/logs',
    ]);
  });

  it('matches the fixed parts of a path template as they are written, a dot included', () => {
    expect(validator.problemsWith(exchange('/files/report.json', 200))).toEqual([]);
    expect(validator.problemsWith(exchange('/files/reportxjson', 200))).toEqual([
      'the document describes no path /files/reportxjson',
    ]);
  });

  it('judges a status the operation does not list by its default response', () => {
    expect(validator.problemsWith(exchange('/jobs/1', 503, { status: 503 }))).toEqual([]);
    expect(validator.problemsWith(exchange('/jobs/1', 503, {}))).toEqual([
      "body must have required property 'status'",
    ]);
  });
});

describe('createResponseValidator with a method the path does not have', () => {
  it('names the method in capitals, whatever case the request gave it, and those the path has', () => {
    const deleted = { ...exchange('/health', 200), method: 'delete' };

    expect(validator.problemsWith(deleted)).toEqual([
      'the document describes no DELETE on /health (only GET)',
    ]);
  });
});

describe('createResponseValidator with a document that has no Problem schema', () => {
  it.each([
    ['no components', { openapi: '3.1.0', paths: {} }],
    ['components but no schemas', { openapi: '3.1.0', paths: {}, components: {} }],
  ])(
    'accepts any body with the 404 of a path it does not list, and no other status (%s)',
    (_, bareDocument) => {
      const bare = createResponseValidator(bareDocument);
      const html = { ...exchange('/nowhere', 404), text: '<h1>Not Found</h1>' };

      expect(bare.problemsWith(html)).toEqual([]);
      expect(bare.problemsWith({ ...html, status: 200 })).toEqual([
        'the document describes no path /nowhere',
      ]);
    },
  );
});

describe('findOperation', () => {
  it('lists every method the path has, in the order OpenAPI gives them', () => {
    const methods = ['trace', 'patch', 'head', 'options', 'delete', 'post', 'put', 'get'];
    const everything = Object.fromEntries(methods.map((method) => [method, {}]));

    const found = findOperation(
      { openapi: '3.1.0', paths: { '/all': everything } },
      'QUERY',
      '/all',
    );

    expect(found?.methods).toEqual([
      'GET',
      'PUT',
      'POST',
      'DELETE',
      'OPTIONS',
      'HEAD',
      'PATCH',
      'TRACE',
    ]);
  });

  it('gives the template, the JSON pointer to the operation and the methods the path has', () => {
    expect(findOperation(document, 'post', '/~alice')).toEqual({
      template: '/~{handle}',
      pointer: '#/paths/~1~0{handle}/post',
      operation: undefined,
      methods: ['GET'],
    });
  });
});
