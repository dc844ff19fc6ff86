import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { problem, sendProblem } from './problem';

/** 100 kB, Express's default: the Fastify twin refuses the same bodies with 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

const TOO_LARGE = 'The request body is too large.';

function declaresBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length']) > 0;
}

/**
 * An answer that goes before the request's body has arrived (a 401 before the body is read, a
 * 413) ends the connection, as in the Fastify twin: on a kept-alive connection Node would
 * otherwise read the rest of the body into nothing, for as long as the client sends it.
 * Every answer passes through `writeHead` (Express's `send` too), the last moment to say so.
 */
function closeWhenBodyUnread(req: Request, res: Response): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    if (declaresBody(req.headers) && !req.complete) res.setHeader('Connection', 'close');
    return writeHead(...args);
  }) as Response['writeHead'];
}

/**
 * A body without a length (chunked) is refused as soon as it grows past the limit. body-parser
 * sees that too, but by design reads the body to its end before answering, which a client can
 * put off until the request timeout. The bytes are counted from the moment a parser starts
 * reading ('resume'): a 'data' listener of our own would start the flow before the route's
 * parser listens, and it would miss the first bytes. The answer goes before the body has all
 * arrived, so it says `Connection: close` (closeWhenBodyUnread) and Node destroys the socket
 * once it is flushed: the rest of the body is never downloaded.
 */
function refuseWhenBodyGrowsTooLarge(req: Request, res: Response): void {
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= BODY_LIMIT_BYTES) return;
    // Read on after the answer (body-parser drains the body), the rest comes through here too.
    if (!res.headersSent) sendProblem(res, problem(413, TOO_LARGE));
  };
  req.once('resume', () => req.on('data', count));
}

/**
 * A body declared larger than the limit is refused at once, before authentication, as in the
 * Fastify twin. body-parser would read it to the end before answering (so that the client can
 * hear the answer), which for a declared 100 GB holds the connection until the request timeout.
 * The connection ends with the answer (closeWhenBodyUnread): the client may still be sending it.
 */
export const limitBodies: RequestHandler = (req, res, next) => {
  closeWhenBodyUnread(req, res);
  if (Number(req.headers['content-length']) > BODY_LIMIT_BYTES) {
    sendProblem(res, problem(413, TOO_LARGE));
    return;
  }
  refuseWhenBodyGrowsTooLarge(req, res);
  next();
};
