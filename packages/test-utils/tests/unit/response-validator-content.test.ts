// Unit tests of the OpenAPI response validator's checks of a response's content and headers, and
// of the message assertMatches gives: what a developer reads when a response is not the one the
// document describes (docs/contract-suite.md).
import { createResponseValidator, type Exchange, type OpenApiDocument } from '../../src';

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/reports/{id}': {
      get: {
        responses: {
          '200': {
            description: 'A report',
            headers: { ETag: { schema: { type: 'string' } } },
            content: {
              'application/json': { schema: { type: 'object' } },
              'text/csv': {},
            },
          },
          '204': { description: 'Not ready yet' },
        },
      },
    },
    '/reports': {
      post: {
        responses: {
          '201': {
            description: 'Created',
            headers: { Location: { required: true, schema: { type: 'string' } } },
            content: {
              'application/json': { schema: { type: 'object', required: ['id'] } },
            },
          },
        },
      },
    },
  },
};

const validator = createResponseValidator(document);

const report = (overrides: Partial<Exchange>): Exchange => ({
  method: 'GET',
  url: '/reports/1',
  status: 200,
  headers: { 'content-type': 'application/json' },
  text: '{}',
  ...overrides,
});

const messageOf = (exchange: Exchange): string => {
  try {
    validator.assertMatches(exchange);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected assertMatches to throw');
};

describe('createResponseValidator checking content', () => {
  it('reads the media type whatever its case, spaces and parameters', () => {
    const headers = { 'content-type': 'Application/JSON ; charset=utf-8' };

    expect(validator.problemsWith(report({ headers }))).toEqual([]);
  });

  it('accepts any body of a media type the document gives no schema', () => {
    const csv = report({ headers: { 'content-type': 'text/csv' }, text: 'id,title\n1,Q3' });

    expect(validator.problemsWith(csv)).toEqual([]);
  });

  it('accepts no body where the document describes none', () => {
    expect(validator.problemsWith(report({ status: 204, headers: {}, text: '' }))).toEqual([]);
  });

  it('names every media type described when the body is missing or of another type', () => {
    expect(validator.problemsWith(report({ text: '' }))).toEqual([
      'no body, but the document describes application/json, text/csv',
    ]);
    expect(validator.problemsWith(report({ headers: { 'content-type': 'text/html' } }))).toEqual([
      'content-type text/html is not among application/json, text/csv',
    ]);
  });
});

describe('ResponseValidator.assertMatches', () => {
  it('does not throw for a response the document describes', () => {
    expect(() => validator.assertMatches(report({}))).not.toThrow();
  });

  it('names each problem on a line of its own, then the body', () => {
    const created = report({ method: 'post', url: '/reports', status: 201 });

    expect(messageOf(created)).toBe(
      'POST /reports → 201 does not match the OpenAPI document (request: POST /reports):\n' +
        "  - body must have required property 'id'\n" +
        '  - the required header Location is missing\n' +
        '  body: {}',
    );
  });

  it('names the request path when the document has no template for it, and says the body is empty', () => {
    expect(messageOf(report({ url: '/nowhere', text: '' }))).toBe(
      'GET /nowhere → 200 does not match the OpenAPI document (request: GET /nowhere):\n' +
        '  - the document describes no path /nowhere\n' +
        '  body: (empty)',
    );
  });

  it('shows no more than the first 500 characters of the body', () => {
    const html = report({ headers: { 'content-type': 'text/html' }, text: 'x'.repeat(501) });

    expect(messageOf(html).split('\n  body: ')[1]).toBe('x'.repeat(500));
  });
});
