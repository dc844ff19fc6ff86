// Unit tests of the OpenAPI response validator: what it accepts, what it refuses, and that
// its message names the route and the rule that failed. See docs/contract-suite.md.
import { createServer } from 'node:http';
import {
  assertInjectedResponse,
  createResponseValidator,
  responseValidatorFor,
  validateResponses,
  type Exchange,
  type OpenApiDocument,
} from '../../src';

const json = (schema: object) => ({ 'application/json': { schema } });
const problem = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/users/{id}': {
      get: {
        responses: {
          '200': { description: 'A user', content: json({ $ref: '#/components/schemas/User' }) },
          '4XX': { description: 'A problem', content: problem },
        },
      },
      delete: { responses: { '204': { description: 'Deleted' } } },
    },
    '/users/me': {
      post: {
        responses: {
          '201': {
            description: 'Created',
            headers: { Location: { required: true, schema: { type: 'string' } } },
            content: json({ type: 'object' }),
          },
        },
      },
    },
  },
  components: {
    schemas: {
      User: {
        type: 'object',
        required: ['id', 'createdAt'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Problem: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'integer' } },
      },
    },
  },
};

const ID = '00000000-0000-4000-8000-000000000000';
const validator = createResponseValidator(document);

function exchange(overrides: Partial<Exchange> & { body?: unknown }): Exchange {
  const { body, ...rest } = overrides;
  return {
    method: 'GET',
    url: `/users/${ID}`,
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    text: body === undefined ? '' : JSON.stringify(body),
    ...rest,
  };
}

const user = { id: ID, createdAt: '2030-01-01T00:00:00.000Z' };

describe('createResponseValidator', () => {
  it('accepts a response the document describes, from a path or an absolute URL', () => {
    expect(validator.problemsWith(exchange({ body: user }))).toEqual([]);
    expect(
      validator.problemsWith(exchange({ url: `http://127.0.0.1:1/users/${ID}?x=1`, body: user })),
    ).toEqual([]);
  });

  it('names a field the schema does not allow, and a format that does not match', () => {
    const problems = validator.problemsWith(exchange({ body: { ...user, id: 'nope', extra: 1 } }));

    expect(problems).toEqual([
      'body must NOT have additional properties: extra',
      'body.id must match format "uuid"',
    ]);
  });

  it('refuses a status the operation does not list, and matches 4XX ranges', () => {
    const teapot = exchange({
      status: 418,
      headers: { 'content-type': 'application/problem+json' },
      body: { status: 418 },
    });

    expect(validator.problemsWith(teapot)).toEqual([]);
    expect(validator.problemsWith(exchange({ status: 500, body: user }))).toEqual([
      'status 500 is not among 200, 4XX',
    ]);
  });

  it('refuses a content type, a missing body, a body where none is described, and invalid JSON', () => {
    expect(
      validator.problemsWith(exchange({ headers: { 'content-type': 'text/html' }, body: user })),
    ).toEqual(['content-type text/html is not among application/json']);
    expect(validator.problemsWith(exchange({}))).toEqual([
      'no body, but the document describes application/json',
    ]);
    expect(validator.problemsWith(exchange({ method: 'DELETE', status: 204, body: {} }))).toEqual([
      'a body, but the document describes none',
    ]);
    expect(validator.problemsWith(exchange({ text: '{' }))).toEqual(['the body is not valid JSON']);
  });

  it('prefers an exact path to a template, and checks required headers', () => {
    const created = exchange({ method: 'POST', url: '/users/me', status: 201, body: {} });

    expect(validator.problemsWith(created)).toEqual(['the required header Location is missing']);
    expect(
      validator.problemsWith({ ...created, headers: { ...created.headers, location: '/x' } }),
    ).toEqual([]);
  });

  it('allows only a 404 or 405 problem for a path or method the document does not list', () => {
    const notFound = exchange({
      url: '/nothing',
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: { status: 404 },
    });

    expect(validator.problemsWith(notFound)).toEqual([]);
    expect(validator.problemsWith({ ...notFound, text: '{}' })).toEqual([
      "body must have required property 'status'",
    ]);
    expect(validator.problemsWith(exchange({ url: '/nothing', body: user }))).toEqual([
      'the document describes no path /nothing',
    ]);
    expect(validator.problemsWith(exchange({ method: 'PUT', body: user }))).toEqual([
      'the document describes no PUT on /users/{id} (only GET, DELETE)',
    ]);
  });

  it('throws an error that names the method, the documented path, the status and each problem', () => {
    expect(() => {
      validator.assertMatches(exchange({ body: { id: ID } }));
    }).toThrow(
      `GET /users/{id} → 200 does not match the OpenAPI document (request: GET /users/${ID}):\n` +
        "  - body must have required property 'createdAt'",
    );
  });
});

describe('validateResponses', () => {
  it('adds a check to a supertest-like request that runs on its response', () => {
    let check: ((res: { status: number; headers: object; text?: string }) => void) | undefined;
    const test = {
      method: 'GET',
      url: `http://127.0.0.1:1/users/${ID}`,
      expect(fn: typeof check) {
        check = fn;
        return test;
      },
    };

    expect(validateResponses(test, validator)).toBe(test);
    expect(() => check?.({ status: 200, headers: {}, text: JSON.stringify(user) })).toThrow(
      'content-type (none) is not among application/json',
    );
  });
});

describe('assertInjectedResponse', () => {
  it('checks a Fastify inject() response', () => {
    const res = {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ id: ID }),
      raw: { req: { method: 'GET', url: `/users/${ID}` } },
    };

    expect(() => {
      assertInjectedResponse(validator, res);
    }).toThrow("body must have required property 'createdAt'");
  });
});

describe('responseValidatorFor', () => {
  it('reads the document a listening server serves', async () => {
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(document));
    }).listen(0, '127.0.0.1');

    const served = await responseValidatorFor(server);
    await new Promise((resolve) => server.close(resolve));

    expect(served.problemsWith(exchange({ body: user }))).toEqual([]);
  });

  it('fails with the status when the server has no document', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 404;
      res.end('no');
    }).listen(0, '127.0.0.1');

    const reading = responseValidatorFor(server).finally(
      () => new Promise((resolve) => server.close(resolve)),
    );

    await expect(reading).rejects.toThrow(/openapi\.json answered 404: no/);
  });
});
