import { once } from 'node:events';
import { get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
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
    // Stryker disable next-line StringLiteral: equivalent, an empty URL is the path / too
    url: res.raw.req.url ?? '/',
    status: res.statusCode,
    headers: res.headers as Record<string, unknown>,
    text: res.payload,
  });
}

async function getJson(url: string): Promise<unknown> {
  // agent: false, so no kept-alive socket holds the server open after the test.
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    get(url, { agent: false }, resolve).on('error', reject);
  });
  const body = await text(res);
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${body}`);
  return JSON.parse(body);
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
