import { request, type Agent, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it goes on the wire: the same bytes to both apps. */
export interface WireRequest {
  method: string;
  /** Path and query, sent as they are (no normalising by a client library). */
  target: string;
  headers: [string, string][];
  body: Buffer | undefined;
}

/** What came back: a response, or the error that ended the exchange before one. */
export type Exchange =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'error'; code: string };

// Longer than any answer takes; a hung exchange is reported as one, not as a Jest timeout.
const EXCHANGE_TIMEOUT_MS = 10_000;

/**
 * Sends one request with Node's own client, on the app's kept-alive agent. Headers are sent
 * in the given case and order; a response that arrives before the client has finished
 * sending (a 413 or 431 that closes the connection) is what counts, not the write error after.
 */
export function exchange(server: Server, agent: Agent, wire: WireRequest): Promise<Exchange> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Exchange) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const headers: Record<string, string[]> = {};
    for (const [name, value] of wire.headers) (headers[name] ??= []).push(value);
    if (wire.body) headers['Content-Length'] = [String(wire.body.length)];
    const req = request({
      host: '127.0.0.1',
      port,
      method: wire.method,
      path: wire.target,
      headers,
      agent,
    });
    req.setTimeout(EXCHANGE_TIMEOUT_MS, () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    );
    let responded = false;
    req.on('response', (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () =>
        settle({
          kind: 'response',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
        });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!responded) settle({ kind: 'error', code: error.code ?? error.message });
    });
    req.end(wire.body);
  });
}
