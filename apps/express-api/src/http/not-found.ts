import type { RequestHandler } from 'express';
import { MethodNotAllowedError, NotFoundError } from './errors';

/** After every route: a path nothing matched. */
export const notFound: RequestHandler = (req) => {
  throw new NotFoundError(`No route matches ${req.method} ${req.path}.`);
};

/** Last handler of a route: the path exists, the method does not. */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  return (req) => {
    throw new MethodNotAllowedError(req.method, allowed);
  };
}
