import { createServer, type RequestListener, type Server } from 'node:http';
import type { HttpTimeouts } from '../config';
import { answerClientError } from './client-error';

/**
 * The Node server around the app, with the configured timeouts: server.ts and the contract
 * target both make it here, so the suites test what production runs.
 */
export function createHttpServer(app: RequestListener, timeouts: HttpTimeouts): Server {
  const server = createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      // Node checks the two above only this often (30 s by default), so a cut comes within a
      // tenth of the headers timeout rather than up to 30 s late.
      connectionsCheckingInterval: Math.max(1, Math.floor(timeouts.headersMs / 10)),
    },
    app,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.on('clientError', answerClientError);
  return server;
}
