import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { problem, sendProblem } from './problem';

export const ENCODED_BODY_DETAIL =
  'The request body must be sent uncompressed: Content-Encoding is not supported.';

/**
 * Whether a request's body comes compressed, or in any coding but `identity`. The apps read
 * bodies as they are sent, the same rule in both (docs/api-contract.md): inflating would need
 * the size limit applied again after inflation to stay safe from a zip bomb, and no client of
 * this API needs to compress a few hundred bytes of JSON.
 */
export function hasEncodedBody(headers: IncomingHttpHeaders): boolean {
  const coding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  const hasBody =
    headers['transfer-encoding'] !== undefined || Number(headers['content-length']) > 0;
  return hasBody && coding !== '' && coding !== 'identity';
}

/** Refuses an encoded body before anything reads it, as the Fastify twin does. */
export const refuseEncodedBodies: RequestHandler = (req, res, next) => {
  if (hasEncodedBody(req.headers)) {
    sendProblem(res, problem(400, ENCODED_BODY_DETAIL), { Connection: 'close' });
    return;
  }
  next();
};
