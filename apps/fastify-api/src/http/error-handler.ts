import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { describeError } from './describe-error';
import { HttpError, ValidationError } from './errors';
import { trackAllowedMethods } from './method-not-allowed';
import { routedPath } from './path-encoding';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';
import { toFieldErrors } from './validation-errors';

const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Try again shortly.';

// Fastify's own client errors (bad JSON, wrong media type, body too large), in our words.
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; a JSON object is expected.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
};

// A 401's WWW-Authenticate (RFC 6750) comes with its error: UnauthorizedError sets it.
function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}) {
  return reply.status(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}

function clientErrorProblem(error: FastifyError): Problem | undefined {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  return problem(status, FRAMEWORK_DETAILS[error.code] ?? 'The request could not be processed.');
}

/**
 * The one error path: domain errors, validation failures, Fastify's own client errors and
 * unknown routes all leave as problem+json. Anything else is a 500 that says nothing of
 * its cause; the cause goes to the log. A database that is down or too slow is a 503.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  const allowedMethods = trackAllowedMethods(app);
  // The path as sent in the detail; the path as routed to find a known path's methods.
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    // Stryker disable next-line StringLiteral: split returns at least one element; the default only satisfies noUncheckedIndexedAccess
    const path = request.url.split('?')[0] ?? '/';
    const allowed = allowedMethods(routedPath(path)).filter((method) => method !== 'HEAD');
    if (allowed.length === 0)
      return sendProblem(reply, problem(404, `No route matches ${request.method} ${path}.`));
    return sendProblem(reply, problem(405, `${request.method} is not allowed here.`), {
      allow: allowed.join(', '),
    });
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Fastify refuses a QUERY without Content-Type (RFC 10008) before the not-found handler
    // runs; no route takes QUERY, so it gets the 404 or 405 any unrouted method gets.
    if (error.code === 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE' && request.is404)
      return notFound(request, reply);
    if (error instanceof HttpError) {
      const errors = error instanceof ValidationError ? error.errors : undefined;
      return sendProblem(reply, problem(error.status, error.message, errors), { ...error.headers });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = toFieldErrors(error.validation);
      return sendProblem(reply, problem(400, 'The request is invalid: see errors.', errors));
    }
    const clientError = clientErrorProblem(error);
    if (clientError) return sendProblem(reply, clientError);
    const where = { method: request.method, path: request.url.split('?')[0] };
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: describeError(error), ...where }, 'database unavailable');
      return sendProblem(reply, problem(503, DATABASE_UNAVAILABLE));
    }
    request.log.error({ err: describeError(error), ...where }, 'unexpected error');
    return sendProblem(reply, problem(500, 'An unexpected error occurred.'));
  });

  app.setNotFoundHandler(notFound);
}
