import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { problem, sendProblem } from './problem';

export const ENCODED_BODY_DETAIL =
  'The request body must be sent uncompressed: Content-Encoding is not supported.';

/**
 * Whether a request declares a body in any coding but `identity` (gzip, br, or one unknown). The apps read
 * bodies as they are sent, the same rule in both (docs/api-contract.md): inflating would need
 * the size limit applied again after inflation to stay safe from a zip bomb, and no client of
 * this API needs to compress a few hundred bytes of JSON.
 */
export function declaresEncodedBody(headers: IncomingHttpHeaders): boolean {
  const coding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  // A declared body, even an empty one: Express's parsers would try to inflate zero bytes.
  const declaresBody =
    headers['transfer-encoding'] !== undefined || headers['content-length'] !== undefined;
  return declaresBody && coding !== '' && coding !== 'identity';
}

/** Refuses an encoded body before anything reads it, as the Fastify twin does. */
export const refuseEncodedBodies: RequestHandler = (req, res, next) => {
  if (declaresEncodedBody(req.headers)) {
    // Unread, a body still on its way would be left on the connection; an empty one is not.
    const unread =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    sendProblem(res, problem(400, ENCODED_BODY_DETAIL), unread ? { Connection: 'close' } : {});
    return;
  }
  next();
};
