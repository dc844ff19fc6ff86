import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * One line per finished request, the same in both apps. The path only: a query can hold a
 * token (the verification link carries one), and headers and bodies hold credentials.
 */
export function requestLine(method: string, url: string, statusCode: number, elapsedMs: number) {
  return {
    // Stryker disable next-line StringLiteral: split returns at least one element; the default only satisfies noUncheckedIndexedAccess
    req: { method, url: url.split('?')[0] ?? '' },
    res: { statusCode },
    // A tenth of a millisecond is finer than any latency question asks; more digits are noise.
    responseTime: Math.round(elapsedMs * 10) / 10,
  };
}

/**
 * Replaces Fastify's own request logging (turned off in its LogController), whose
 * "incoming request" line holds the whole URL. The root logger, not `request.log`, so the
 * line has the Express twin's fields and no `reqId`.
 */
export function logRequests(app: FastifyInstance, logger: FastifyBaseLogger): void {
  app.addHook('onResponse', (request, reply, done) => {
    logger.info(
      requestLine(request.method, request.url, reply.statusCode, reply.elapsedTime),
      'request completed',
    );
    done();
  });
}
