import { once } from 'node:events';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenApiDocument } from './find-operation';
import { createResponseValidator, type ResponseValidator } from './response-validator';

/** A supertest request (`request(server).get(url)`), as far as the hook needs it. */
export interface SupertestLike<Self> {
  method: string;
  url: string;
  expect(check: (res: { status: number; headers: object; text?: string }) => void): Self;
}

/** A Fastify `inject()` response (light-my-request). */
export interface InjectedLike {
  statusCode: number;
  headers: object;
  payload: string;
  raw: { req: { method?: string; url?: string } };
}

/**
 * The one-line opt-in: `validateResponses(request(server).get(url), validator)` returns the
 * same request, which now fails, when it runs, if its response is not one the document
 * describes. It runs before the test's own `expect()` calls see the response.
 */
export function validateResponses<Test extends SupertestLike<Test>>(
  test: Test,
  validator: ResponseValidator,
): Test {
  return test.expect((res) => {
    validator.assertMatches({
      method: test.method,
      url: test.url,
      status: res.status,
      headers: res.headers as Record<string, unknown>,
      text: res.text ?? '',
    });
  });
}

/** The same check for a response from Fastify's `app.inject()`. */
export function assertInjectedResponse(validator: ResponseValidator, res: InjectedLike): void {
  validator.assertMatches({
    method: res.raw.req.method ?? 'GET',
    url: res.raw.req.url ?? '/',
    status: res.statusCode,
    headers: res.headers as Record<string, unknown>,
    text: res.payload,
  });
}

function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // agent: false, so no kept-alive socket holds the server open after the test.
    get(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(JSON.parse(text));
        else reject(new Error(`GET ${url} answered ${res.statusCode}: ${text}`));
      });
    }).on('error', reject);
  });
}

/**
 * The validator for the document a listening server serves (by default at `/openapi.json`):
 * the test checks the app against what the app itself says it does.
 */
export async function responseValidatorFor(
  server: Server,
  path = '/openapi.json',
): Promise<ResponseValidator> {
  if (!server.listening) await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return createResponseValidator(
    (await getJson(`http://${host}:${port}${path}`)) as OpenApiDocument,
  );
}
