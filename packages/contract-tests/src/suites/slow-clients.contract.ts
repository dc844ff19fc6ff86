import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { useTestDatabase } from '@testbed/test-utils';
import { openSlowClient, within, type SlowClient } from '../slow-client';
import type { ContractTarget, RunningApp, StartOptions } from '../target';

type HttpTimeouts = NonNullable<StartOptions['httpTimeouts']>;

// The limit under test is short; everything else is long enough never to be what ends a test.
const LONG_MS = 60_000;
const TRICKLE_EVERY_MS = 50;
// For the cases about something else than a timeout: none of them can end the connection.
const ALL_LONG: HttpTimeouts = { requestMs: LONG_MS, headersMs: LONG_MS, keepAliveMs: LONG_MS };
// Far past the timeouts under test, and below Node's own defaults (5 s keep-alive), so a wait
// that ends only because of a default fails; a guard against hanging, not a speed check.
const GUARD_MS = 4_000;
const TEST_LIMIT_MS = 15_000;

const TIMED_OUT_BODY = JSON.stringify({
  type: 'about:blank',
  title: 'Request Timeout',
  status: 408,
  detail: 'The request did not arrive in time.',
});
// Byte for byte what a client whose request was too slow receives, from either app.
const TIMED_OUT = [
  'HTTP/1.1 408 Request Timeout',
  'Content-Type: application/problem+json',
  `Content-Length: ${TIMED_OUT_BODY.length}`,
  'X-Content-Type-Options: nosniff',
  'Cache-Control: no-store',
  'Connection: close',
  '',
  TIMED_OUT_BODY,
].join('\r\n');

const HOST = '127.0.0.1';

// A body far over the 100 kB limit, declared up front: only its first bytes are ever sent.
const HUGE_BODY_HEADERS =
  'Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n';

/** The status lines in what a client received: one per response (a second may follow a body). */
const statusLines = (received: string) =>
  [...received.matchAll(/HTTP\/1\.1 (\d{3} [^\r]*)\r\n/g)].map((match) => match[1]);

/** Headers (lower-cased names) and body of the one response in `received`. */
function parseResponse(received: string) {
  const [head = '', body = ''] = received.split('\r\n\r\n');
  const [status = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  return { status, headers, body: JSON.parse(body) as unknown };
}

/**
 * Slow clients (docs/hardening/security.md): a client that trickles its headers or its
 * body is answered 408 and let go once the configured timeout passes, and an idle kept-alive
 * connection is closed after the keep-alive timeout it was told. Raw sockets, since an HTTP
 * client sends its request at once.
 */
export function describeSlowClientsContract(target: ContractTarget): void {
  describe(`${target.name} · slow clients contract`, () => {
    const database = useTestDatabase();
    let running: RunningApp | undefined;
    const clients: SlowClient[] = [];

    /** The app with these timeouts, and a raw connection to it. */
    const connectWith = async (httpTimeouts: HttpTimeouts) => {
      running = await target.start(database.url, { httpTimeouts });
      if (!running.server.listening) await once(running.server, 'listening');
      const { port } = running.server.address() as AddressInfo;
      const client = await openSlowClient(port, HOST);
      clients.push(client);
      return client;
    };

    afterEach(async () => {
      for (const client of clients.splice(0)) client.destroy();
      await running?.close();
      running = undefined;
    });

    it(
      'answers 408 and closes the connection when the body trickles in past the request timeout',
      async () => {
        const client = await connectWith({ requestMs: 500, headersMs: 500, keepAliveMs: LONG_MS });
        client.write(
          'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n' +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
        );

        client.trickle(' ', TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(answer).toBe(TIMED_OUT);
      },
      TEST_LIMIT_MS,
    );

    it(
      'answers 408 and closes the connection when the headers never finish',
      async () => {
        const client = await connectWith({
          requestMs: LONG_MS,
          headersMs: 300,
          keepAliveMs: LONG_MS,
        });
        client.write('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');

        client.trickle('x', TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(answer).toBe(TIMED_OUT);
      },
      TEST_LIMIT_MS,
    );

    it.each(['/api/auth/login', '/api/users'])(
      'answers 413 at once and closes the connection when the declared body is over the limit (%s)',
      async (path) => {
        // Long timeouts: only an answer that does not wait for the body can come in time.
        const client = await connectWith(ALL_LONG);
        // Before authentication too: the second route needs a token this request does not have.
        client.write(`POST ${path} HTTP/1.1\r\n${HUGE_BODY_HEADERS}{"email":`);

        client.trickle(' ', TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(statusLines(answer)).toEqual(['413 Payload Too Large']);
        expect(parseResponse(answer)).toEqual({
          status: 'HTTP/1.1 413 Payload Too Large',
          headers: expect.objectContaining({
            'content-type': expect.stringMatching(/^application\/problem\+json/),
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
            connection: 'close',
          }),
          body: expect.objectContaining({
            status: 413,
            title: 'Payload Too Large',
            detail: 'The request body is too large.',
          }),
        });
      },
      TEST_LIMIT_MS,
    );

    // 16 kB of JSON whitespace as one chunk of a chunked body: seven are over the 100 kB limit.
    const CHUNK = `4000\r\n${' '.repeat(0x4000)}\r\n`;
    const CHUNKED_HEADERS =
      'Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';

    it.each(['/api/auth/login', '/nope'])(
      'answers 413 and closes the connection when a chunked body grows over the limit (%s)',
      async (path) => {
        // Long timeouts: only an answer that does not wait for the body's end can come in time.
        const client = await connectWith(ALL_LONG);
        client.write(`POST ${path} HTTP/1.1\r\n${CHUNKED_HEADERS}`);

        client.trickle(CHUNK, TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(statusLines(answer)).toEqual(['413 Payload Too Large']);
        expect(parseResponse(answer).headers).toMatchObject({ connection: 'close' });
      },
      TEST_LIMIT_MS,
    );

    // Node reads at most 16 kB of a chunk's extensions (CVE-2024-22019).
    it(
      'answers 413 to a chunk whose extensions are too large, and closes the connection',
      async () => {
        const client = await connectWith(ALL_LONG);

        client.write(`POST /api/auth/login HTTP/1.1\r\n${CHUNKED_HEADERS}1;${'x'.repeat(20_000)}`);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(statusLines(answer)).toEqual(['413 Payload Too Large']);
        expect(parseResponse(answer)).toMatchObject({
          headers: { connection: 'close' },
          body: { detail: 'The chunk extensions are too large.' },
        });
      },
      TEST_LIMIT_MS,
    );

    it(
      'refuses a chunked body with a Content-Encoding as one with a length, without reading it',
      async () => {
        const client = await connectWith(ALL_LONG);
        client.write(
          `POST /api/auth/login HTTP/1.1\r\nContent-Encoding: gzip\r\n${CHUNKED_HEADERS}`,
        );

        client.trickle(CHUNK, TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(statusLines(answer)).toEqual(['400 Bad Request']);
        expect(parseResponse(answer)).toMatchObject({
          headers: { connection: 'close' },
          body: {
            detail:
              'The request body must be sent uncompressed: Content-Encoding is not supported.',
          },
        });
      },
      TEST_LIMIT_MS,
    );

    it(
      'closes the connection after refusing a request whose chunked body it did not read',
      async () => {
        const client = await connectWith(ALL_LONG);
        // No token: refused before the body is read; the body never ends.
        client.write(
          `PATCH /api/users/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\n${CHUNKED_HEADERS}`,
        );

        client.trickle(CHUNK, TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(statusLines(answer)).toEqual(['401 Unauthorized']);
        expect(parseResponse(answer).headers).toMatchObject({ connection: 'close' });
      },
      TEST_LIMIT_MS,
    );

    it(
      'answers a request only once when it answers before the body has arrived',
      async () => {
        const client = await connectWith({ requestMs: 500, headersMs: 500, keepAliveMs: LONG_MS });
        // No token: refused before the body is needed; its rest would trickle in past the timeout.
        client.write(
          'POST /api/users HTTP/1.1\r\nHost: localhost\r\n' +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":',
        );

        client.trickle(' ', TRICKLE_EVERY_MS);

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(statusLines(answer)).toHaveLength(1);
      },
      TEST_LIMIT_MS,
    );

    it(
      'closes an idle kept-alive connection after the keep-alive timeout it announced',
      async () => {
        const client = await connectWith({
          requestMs: LONG_MS,
          headersMs: LONG_MS,
          keepAliveMs: 1_000,
        });

        client.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');

        const answer = await within(client.closed, GUARD_MS, 'for the app to close the connection');
        expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
        expect(answer).toMatch(/\r\nConnection: keep-alive\r\n/i);
        expect(answer).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
        expect(answer).toMatch(/\r\n\r\n\{"status":"ok"\}$/);
      },
      TEST_LIMIT_MS,
    );
  });
}
