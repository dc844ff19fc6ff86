// Unit tests of the ways in to the OpenAPI response validator (docs/contract-suite.md): a
// supertest request, a Fastify inject() response, and the document a listening server serves.
import {
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import {
  assertInjectedResponse,
  createResponseValidator,
  responseValidatorFor,
  validateResponses,
  type OpenApiDocument,
} from '../../src';

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/users/{id}': {
      get: {
        responses: {
          '200': {
            description: 'A user',
            content: { 'application/json': { schema: { type: 'object', required: ['id'] } } },
          },
        },
      },
      delete: { responses: { '204': { description: 'Deleted' } } },
    },
  },
};

const validator = createResponseValidator(document);

async function listening(handler: RequestListener, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return server;
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

const servingDocument: RequestListener = (_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(document));
};

describe('validateResponses', () => {
  it('takes a response supertest gave no text as one with no body', () => {
    let check: ((res: { status: number; headers: object; text?: string }) => void) | undefined;
    const test = {
      method: 'DELETE',
      url: '/users/1',
      expect(fn: typeof check) {
        check = fn;
        return test;
      },
    };

    validateResponses(test, validator);

    expect(() => check?.({ status: 204, headers: {} })).not.toThrow();
  });
});

describe('assertInjectedResponse', () => {
  const injected = (req: { method?: string; url?: string }) => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    payload: '{}',
    raw: { req },
  });

  it('names the method and the URL of the injected request', () => {
    expect(() => {
      assertInjectedResponse(validator, injected({ method: 'DELETE', url: '/users/1' }));
    }).toThrow(
      'DELETE /users/{id} → 200 does not match the OpenAPI document (request: DELETE /users/1)',
    );
  });

  it('takes a request with no method or URL as GET /', () => {
    expect(() => {
      assertInjectedResponse(validator, injected({}));
    }).toThrow('GET / → 200 does not match the OpenAPI document (request: GET /)');
  });
});

describe('responseValidatorFor', () => {
  const userResponse = { method: 'GET', url: '/users/1', status: 200, headers: {}, text: '' };

  it('reads the document of a server that is already listening, at the path given', async () => {
    const server = await listening((req, res) => {
      res.statusCode = req.url === '/docs/openapi.json' ? 200 : 404;
      servingDocument(req, res);
    });

    const served = await responseValidatorFor(server, '/docs/openapi.json').finally(() =>
      close(server),
    );

    expect(served.problemsWith(userResponse)).toEqual([
      'no body, but the document describes application/json',
    ]);
  });

  it('reads the document of a server listening on an IPv6 address', async () => {
    const server = await listening(servingDocument, '::1');

    const served = await responseValidatorFor(server).finally(() => close(server));

    expect(served.problemsWith(userResponse)).toEqual([
      'no body, but the document describes application/json',
    ]);
  });

  it('asks the server to close the connection, so no idle socket keeps it open', async () => {
    let headers: IncomingHttpHeaders = {};
    const server = await listening((req, res) => {
      headers = req.headers;
      servingDocument(req, res);
    });

    await responseValidatorFor(server).finally(() => close(server));

    expect(headers.connection).toBe('close');
  });

  it('fails with the error of a server that hangs up', async () => {
    const server = await listening((req) => req.socket.destroy());

    const reading = responseValidatorFor(server).finally(() => close(server));

    await expect(reading).rejects.toThrow('socket hang up');
  });
});
