import type { HttpTimeouts } from '../config';
import { answerClientError } from './client-error';

/**
 * The Node server's options, with the configured timeouts: buildApp passes them to Fastify,
 * so the contract target and server.ts run the same server.
 */
export function httpServerOptions(timeouts: HttpTimeouts) {
  return {
    // Fastify sets these two on the server itself, replacing what `http` says.
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      // Node checks that the headers timeout is within this one when the server is made.
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      // Node checks the two timeouts only this often (30 s by default), so a cut comes within
      // a tenth of the headers timeout rather than up to 30 s late.
      connectionsCheckingInterval: Math.max(1, Math.floor(timeouts.headersMs / 10)),
    },
    clientErrorHandler: answerClientError,
  };
}
