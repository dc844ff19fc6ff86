import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { HttpTimeouts } from '../config';
import { answerClientError } from './client-error';

/** The Node server's options, with the configured timeouts (as the Fastify twin's). */
export function httpServerOptions(timeouts: HttpTimeouts): ServerOptions {
  return {
    requestTimeout: timeouts.requestMs,
    headersTimeout: timeouts.headersMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the two timeouts only this often (30 s by default), so a cut comes within
    // a tenth of the headers timeout rather than up to 30 s late.
    connectionsCheckingInterval: Math.max(1, Math.floor(timeouts.headersMs / 10)),
  };
}

/**
 * The Node server around the app: server.ts and the contract target both make it here, so the
 * suites test what production runs.
 */
export function createHttpServer(app: RequestListener, timeouts: HttpTimeouts): Server {
  const server = createServer(httpServerOptions(timeouts), app);
  server.on('clientError', answerClientError);
  return server;
}
