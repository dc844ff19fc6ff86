import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { authPlugin } from './auth/auth.plugin';
import { authRoutes } from './auth/auth.routes';
import type { PasswordBreachChecker } from './auth/password-breach-checker';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/database';
import { databasePlugin } from './db/database.plugin';
import { refuseEncodedBodies } from './http/body-encoding';
import { BODY_LIMIT_BYTES, limitBodies } from './http/body-limit';
import { registerErrorHandling } from './http/error-handler';
import { frameworkErrorHandler } from './http/framework-errors';
import { httpServerOptions } from './http/http-server';
import { routeEveryMethod } from './http/http-methods';
import { logRequests } from './http/request-log';
import { frameworkProxyTrust } from './http/proxy-trust';
import { addSecurityHeaders } from './http/security-headers';
import { healthRoutes } from './health/health.routes';
import { openapiPlugin } from './openapi/openapi.plugin';
import type { Mailer } from './mail/mailer';
import { mailerPlugin } from './mail/mailer.plugin';
import { adminUserRoutes } from './users/admin-user.routes';
import { userRoutes } from './users/user.routes';

export interface AppDeps {
  db: Database;
  mailer: Mailer;
  clock: Clock;
  config: Config;
  logger: FastifyBaseLogger;
  /** Unset: the real check from `config.passwordBreachCheck` (off when that is unset). */
  passwordBreachChecker?: PasswordBreachChecker;
}

/** What is read as JSON, the same rule in both apps: `application/json` in UTF-8 (RFC 8259). */
export function isUtf8Json(contentType: string): boolean {
  // Stryker disable next-line StringLiteral: split returns at least one element; the default only satisfies noUncheckedIndexedAccess
  const [mediaType = '', ...parameters] = contentType.toLowerCase().split(';');
  const charset = parameters
    .map((parameter) => parameter.trim())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  return mediaType.trim() === 'application/json' && (charset === undefined || charset === 'utf-8');
}

/**
 * The whole app from its dependencies, with no side effect: nothing connects or listens.
 * The caller owns the database pool and closes it after `app.close()`.
 */
export function buildApp({ db, mailer, clock, config, logger, passwordBreachChecker }: AppDeps) {
  const app = Fastify({
    ...httpServerOptions(config.httpTimeouts),
    loggerInstance: logger,
    // Fastify's request lines hold the whole URL, query and all: http/request-log.ts logs instead.
    logController: new LogController({ disableRequestLogging: true }),
    // The client address (login throttling, rate limits) as the Express twin reads it.
    trustProxy: frameworkProxyTrust(config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: {
      // As Express routes by default: `/api/users/` is `/api/users`.
      ignoreTrailingSlash: true,
      // Past this a segment is refused before routing, where authentication has not run. Node
      // refuses a request line this long first (431: it counts toward the 16 KiB of headers),
      // so every id reaches the route's schema, and gets the Express twin's 401 or 400.
      maxParamLength: 16 * 1024,
    },
    // A path Fastify cannot route (bad percent-encoding) is a problem like every other error.
    frameworkErrors: frameworkErrorHandler(logger),
    // Requests that arrive during shutdown on a kept-alive connection are served, with
    // `Connection: close` (Fastify adds it), as in the Express twin; not a bare 503.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  routeEveryMethod(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON in: a body of any other type is read (within bodyLimit) and ignored, so the route's
  // schema reports the missing object, as in the Express app. That includes JSON declared in
  // another charset and a Content-Type that is no media type at all, which Fastify would
  // refuse with 415, a status the contract does not have.
  app.addHook('onRequest', (request, _reply, done) => {
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !isUtf8Json(contentType))
      request.headers['content-type'] = 'application/octet-stream';
    done();
  });
  addSecurityHeaders(app);
  limitBodies(app);
  refuseEncodedBodies(app);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => {
    done(null, undefined);
  });
  registerErrorHandling(app);
  logRequests(app, logger);

  app.register(openapiPlugin);
  app.register(databasePlugin, { db });
  app.register(mailerPlugin, { mailer });
  app.register(authPlugin, { config, clock, passwordBreachChecker });

  app.register(healthRoutes);
  app.register(authRoutes, { prefix: '/api' });
  app.register(userRoutes, { prefix: '/api/users' });
  app.register(adminUserRoutes, { prefix: '/api/admin/users' });
  return app;
}

export type App = ReturnType<typeof buildApp>;
