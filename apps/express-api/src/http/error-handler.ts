import type { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import type { Logger } from '../logger';
import { HttpError } from './errors';
import { problem, sendProblem } from './problem';

const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Try again shortly.';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number';
}

function bodyParserDetail({ type }: BodyParserError): string {
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  if (type === 'entity.too.large') return 'The request body is too large.';
  return 'The request body could not be read.';
}

/** Only what helps to debug: never the SQL parameters or request body an error may carry. */
function describe(error: unknown) {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: typeof error };
}

/** The one place that turns an error into a response: problem+json, nothing internal. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Too late for a problem response: let Express end the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpError) {
      sendProblem(res, problem(error.status, error.detail, error.errors), error.headers);
      return;
    }
    if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
      sendProblem(res, problem(error.status, bodyParserDetail(error)));
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
