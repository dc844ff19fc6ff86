import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@testbed/test-utils';
import { APP_HOST, appEnvironment, launchAppProcess, type AppProcess } from '../app-process';
import {
  refusesNewConnections,
  START_TIMEOUT_MS,
  waitUntil,
  WAIT_LIMIT_MS,
} from '../process-waits';
import { openSlowClient, within, type SlowClient } from '../slow-client';
import type { ContractTarget } from '../target';

const BODY = '{}';

/** Each response in what a client received: its status line, headers (lower-cased) and body. */
function responsesIn(received: string) {
  return received
    .split(/(?=HTTP\/1\.1 \d{3} )/)
    .filter((part) => !part.startsWith('HTTP/1.1 100 '))
    .map((part) => {
      const [head = '', body = ''] = part.split('\r\n\r\n');
      const [status = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      return { status, headers, body };
    });
}

/**
 * A kept-alive connection still busy when SIGTERM comes (docs/api-contract.md#operations):
 * a request that arrives on it afterwards is served like any other, with `Connection: close`
 * so the client moves on, rather than turned away with a bare 503 no rule of the contract
 * allows (Fastify's default). Its own process, as in the shutdown suite.
 */
export function describeShutdownKeepAliveContract(target: ContractTarget): void {
  describe(`${target.name} · shutdown contract · kept-alive connections`, () => {
    const database = useTestDatabase();
    let outboxDir: string;
    let app: AppProcess | undefined;
    let client: SlowClient | undefined;

    beforeAll(async () => {
      outboxDir = await mkdtemp(join(tmpdir(), `${target.name}-outbox-`));
    });

    afterEach(async () => {
      client?.destroy();
      await app?.stop();
    });

    afterAll(async () => {
      await rm(outboxDir, { recursive: true, force: true });
    });

    it(
      'on SIGTERM, serves a request that arrives on a busy kept-alive connection, with Connection: close',
      async () => {
        app = launchAppProcess(target, appEnvironment(database.url, outboxDir));
        const { port } = await app.listening();
        client = await openSlowClient(port, APP_HOST);
        client.write(
          'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            `Content-Length: ${BODY.length}\r\nExpect: 100-continue\r\n\r\n`,
        );
        // The app has read the headers: the connection is busy, so SIGTERM leaves it open.
        await within(client.firstData, WAIT_LIMIT_MS, 'for 100 Continue');
        app.signal('SIGTERM');
        await app.logged('shutting down', WAIT_LIMIT_MS);
        await waitUntil('for the app to refuse new connections', () => refusesNewConnections(port));

        client.write(`${BODY}GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n`);

        const answer = await within(client.closed, WAIT_LIMIT_MS, 'for the app to close');
        const [first, second] = responsesIn(answer);
        expect([first?.status, second?.status]).toEqual([
          'HTTP/1.1 400 Bad Request',
          'HTTP/1.1 200 OK',
        ]);
        expect(second).toEqual({
          status: 'HTTP/1.1 200 OK',
          headers: expect.objectContaining({
            connection: 'close',
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          }),
          body: '{"status":"ok"}',
        });
        expect(await within(app.exited, WAIT_LIMIT_MS, 'for the app to exit')).toEqual({
          code: 0,
          signal: null,
        });
      },
      START_TIMEOUT_MS,
    );
  });
}
