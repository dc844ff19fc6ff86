import type { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import type { Logger } from '../logger';
import { HttpError } from './errors';
import { problem, sendProblem } from './problem';

const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Try again shortly.';

/**
 * An error a library threw for the client's fault, with the status it meant (body-parser's
 * 400 and 413, each with a `type`): a problem, never a 500. A path the router cannot decode
 * never gets this far: decodePath refuses it first, with the same rule.
 */
interface ClientFault {
  // http-errors, which body-parser and the router use, sets `statusCode` to the same value.
  status?: number;
  type?: string;
}

function clientFaultStatus(error: unknown): number | undefined {
  const { status } = (error ?? {}) as ClientFault;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function clientFaultDetail(error: unknown): string {
  const { type } = error as ClientFault;
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  if (typeof type === 'string') return 'The request body could not be read.';
  return 'The request could not be processed.';
}

// The Fastify twin's body parser ends the connection after every body it refuses, read in full
// or not; body-parser's refusals (they carry a `type`) end it here too (docs/api-contract.md).
const closingWhenBodyRefused = (error: unknown): Record<string, string> =>
  typeof (error as ClientFault).type === 'string' ? { Connection: 'close' } : {};

/** Only what helps to debug: never the SQL parameters or request body an error may carry. */
function describe(error: unknown) {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: typeof error };
}

/** The one place that turns an error into a response: problem+json, nothing internal. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Too late for a problem response: let Express end the connection. A body that grew over
    // the limit was answered 413 as it arrived (body-limit.ts); body-parser reports it once the
    // connection has gone, and Express would print it to stderr outside tests.
    if (res.headersSent) {
      if ((error as ClientFault).type !== 'entity.too.large') next(error);
      return;
    }
    if (error instanceof HttpError) {
      sendProblem(res, problem(error.status, error.detail, error.errors), error.headers);
      return;
    }
    const clientStatus = clientFaultStatus(error);
    if (clientStatus !== undefined) {
      const detail = clientFaultDetail(error);
      sendProblem(res, problem(clientStatus, detail), closingWhenBodyRefused(error));
      return;
    }
    const where = { method: req.method, path: req.path };
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: describe(error), ...where }, 'database unavailable');
      sendProblem(res, problem(503, DATABASE_UNAVAILABLE));
      return;
    }
    logger.error({ err: describe(error), ...where }, 'unexpected error');
    sendProblem(res, problem(500, 'An unexpected error occurred.'));
  };
}
