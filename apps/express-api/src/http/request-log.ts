import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

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

/** First in the chain, so refused bodies (413, bad JSON) are logged too. */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    res.once('finish', () => {
      const elapsedMs = performance.now() - start;
      logger.info(
        requestLine(req.method, req.originalUrl, res.statusCode, elapsedMs),
        'request completed',
      );
    });
    next();
  };
}
