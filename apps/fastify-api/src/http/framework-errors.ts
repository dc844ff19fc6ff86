import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { closeWhenBodyUnread } from './body-limit';
import { describeError } from './describe-error';
import { BAD_PATH_ENCODING } from './path-encoding';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import { requestLine } from './request-log';
import { SECURITY_HEADERS } from './security-headers';

function problemFor(error: FastifyError) {
  // Fastify's message repeats the path; the detail never does.
  if (error.code === 'FST_ERR_BAD_URL') return problem(400, BAD_PATH_ENCODING);
  // A path segment past routerOptions.maxParamLength: 414, a status the contract does not have.
  // The only other one, an async route constraint that fails, is a 500.
  const status = error.statusCode ?? 500;
  if (status < 500) return problem(400, 'The request could not be processed.');
  return problem(500, 'An unexpected error occurred.');
}

/**
 * What Fastify answers before routing (a path it cannot decode, a path segment too long):
 * no hook runs there, so the security headers and the request line are this handler's to add.
 */
export function frameworkErrorHandler(logger: FastifyBaseLogger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const start = performance.now();
    const body = problemFor(error);
    if (body.status >= 500) {
      const where = { method: request.method, path: request.url.split('?')[0] };
      logger.error({ err: describeError(error), ...where }, 'unexpected error');
    }
    reply.raw.once('finish', () => {
      const elapsedMs = performance.now() - start;
      logger.info(
        requestLine(request.method, request.url, body.status, elapsedMs),
        'request completed',
      );
    });
    closeWhenBodyUnread(request, reply);
    void reply
      .status(body.status)
      .headers(SECURITY_HEADERS)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(body));
  };
}
