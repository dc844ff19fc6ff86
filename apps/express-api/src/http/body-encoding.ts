import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { BadRequestError } from './errors';

export const ENCODED_BODY_DETAIL =
  'The request body must be sent uncompressed: Content-Encoding is not supported.';

/**
 * Whether a request declares a body in any coding but `identity` (gzip, br, or one unknown). The apps read
 * bodies as they are sent, the same rule in both (docs/api-contract.md): inflating would need
 * the size limit applied again after inflation to stay safe from a zip bomb, and no client of
 * this API needs to compress a few hundred bytes of JSON.
 */
export function declaresEncodedBody(headers: IncomingHttpHeaders): boolean {
  // No trim(): Node's parser has already dropped the whitespace around a header's value.
  const coding = (headers['content-encoding'] ?? '').toLowerCase();
  // A declared body, even an empty one: Express's parsers would try to inflate zero bytes.
  const declaresBody =
    headers['transfer-encoding'] !== undefined || headers['content-length'] !== undefined;
  return declaresBody && coding !== '' && coding !== 'identity';
}

/**
 * Refuses an encoded body before anything reads it, as the Fastify twin does. A body still on
 * its way ends the connection with the answer, as every early answer does (body-limit.ts).
 */
export const refuseEncodedBodies: RequestHandler = (req, _res, next) => {
  if (declaresEncodedBody(req.headers)) throw new BadRequestError(ENCODED_BODY_DETAIL);
  next();
};
