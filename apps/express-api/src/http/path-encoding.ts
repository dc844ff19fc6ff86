import type { Request, RequestHandler } from 'express';
import { BadRequestError } from './errors';

// The same words as the Fastify twin, whose router refuses these paths itself.
export const BAD_PATH_ENCODING = 'The request path is not valid percent-encoding.';

const ESCAPE = /%[0-9A-Fa-f]{2}/g;
// RFC 3986 §2.3: `%61` and `a` are the same character; any other escape may mean something.
const UNRESERVED = /[\w.~-]/;

const decodeUnreserved = (path: string): string =>
  path.replace(ESCAPE, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape;
  });

const pathsAsSent = new WeakMap<Request, string>();

/**
 * A path is valid percent-encoding as Fastify's router (find-my-way) checks it: `decodeURI`
 * of the path, with `%25` kept as it is, must not throw. That covers `%zz`, a bare `%` and
 * escapes that are not UTF-8.
 */
function isValidPercentEncoding(path: string): boolean {
  try {
    decodeURI(path.replaceAll('%25', '%2525'));
  } catch {
    return false;
  }
  return true;
}

/**
 * Before routing, as the Fastify twin's router does: a path that is not valid
 * percent-encoding is a 400, and escaped letters, digits and `-._~` are matched as the
 * characters, so `/%68ealth` is `/health`. Nothing else is decoded: `%2F` stays data, never
 * a separator, and route parameters are decoded by the router as before.
 */
export const decodePath: RequestHandler = (req, res, next) => {
  const queryAt = req.url.indexOf('?');
  const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  if (!isValidPercentEncoding(path)) {
    // Refused before anything reads the body, which may still be on its way: the connection
    // goes with the answer, as the Fastify twin's does.
    if (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0)
      res.set('Connection', 'close');
    throw new BadRequestError(BAD_PATH_ENCODING);
  }
  const decoded = decodeUnreserved(path);
  pathsAsSent.set(req, req.path);
  req.url = decoded + (queryAt === -1 ? '' : req.url.slice(queryAt));
  next();
};

/** The path the client sent, before `decodePath`: what a 404 names, as the Fastify twin's does. */
export const pathAsSent = (req: Request): string => pathsAsSent.get(req) ?? req.path;
