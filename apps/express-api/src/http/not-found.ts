import type { RequestHandler } from 'express';
import { MethodNotAllowedError, NotFoundError } from './errors';
import { pathAsSent } from './path-encoding';
import { readBodyUnlessGet } from './read-body';

/** After every route: a path nothing matched, named as the client sent it. */
export const notFound: RequestHandler = (req) => {
  throw new NotFoundError(`No route matches ${req.method} ${pathAsSent(req)}.`);
};

/** Last handler of a route: the path exists, the method does not (the body read first, as Fastify does). */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  return (req, res, next) => {
    readBodyUnlessGet(req, res, (error?: unknown) => {
      next(error ?? new MethodNotAllowedError(req.method, allowed));
    });
  };
}
