import express, { type Express, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { createAccessTokens } from './auth/access-tokens';
import { authRoutes } from './auth/auth.routes';
import { AuthService } from './auth/auth.service';
import { EmailVerifier } from './auth/email-verifier';
import { LoginThrottle } from './auth/login-throttle';
import { createRequestLimits } from './auth/request-limits';
import { createPasswordHasher } from './auth/password-hasher';
import type { Clock } from './clock';
import type { AppConfig } from './config';
import { Database } from './db/database';
import { healthRoutes } from './health/health.routes';
import { authenticate } from './http/authenticate';
import { refuseEncodedBodies } from './http/body-encoding';
import { BODY_LIMIT_BYTES, limitBodies } from './http/body-limit';
import { refusePrototypeKeys } from './http/prototype-keys';
import { errorHandler } from './http/error-handler';
import { frameworkProxyTrust } from './http/proxy-trust';
import { notFound } from './http/not-found';
import { logRequests } from './http/request-log';
import { addSecurityHeaders } from './http/security-headers';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';
import { openApiRoutes } from './openapi/openapi.routes';
import { userRoutes } from './users/user.routes';
import { UserService } from './users/user.service';

export interface AppDeps {
  /** Initialized by the caller, who also closes it. */
  dataSource: DataSource;
  mailer: Mailer;
  clock: Clock;
  config: AppConfig;
  logger: Logger;
}

function createServices({ dataSource, mailer, clock, config, logger }: AppDeps) {
  const db = new Database(dataSource);
  const hasher = createPasswordHasher(config.passwordHashing);
  const tokens = createAccessTokens(config.jwt, clock);
  const limits = createRequestLimits(config.rateLimits, clock, logger);
  const verifier = new EmailVerifier(
    mailer,
    clock,
    config.publicUrl,
    logger,
    limits.verificationEmails,
  );
  const throttle = new LoginThrottle(db, clock);
  return {
    db,
    tokens,
    limits,
    auth: new AuthService({ db, hasher, tokens, verifier, throttle, clock, logger }),
    users: new UserService({ db, hasher, verifier, clock, logger }),
  };
}

/**
 * What is read as JSON, the same rule in both apps: `application/json` in UTF-8 (RFC 8259).
 * Another charset is not read rather than refused with 415, a status the contract does not have.
 */
export function isUtf8Json(contentType: string | undefined): boolean {
  const [mediaType = '', ...parameters] = (contentType ?? '').toLowerCase().split(';');
  const charset = parameters
    .map((parameter) => parameter.trim())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  return mediaType.trim() === 'application/json' && (charset === undefined || charset === 'utf-8');
}

const dropUnreadBody: RequestHandler = (req, _res, next) => {
  if (Buffer.isBuffer(req.body)) req.body = undefined;
  next();
};

/** The whole app from its dependencies. Nothing here connects, listens or reads the env. */
export function createApp(deps: AppDeps): Express {
  const services = createServices(deps);
  const authenticated = authenticate(services.tokens, services.db.repos.users);
  const app = express();
  // `/API/PROFILE` is not `/api/profile` (RFC 3986 paths are case-sensitive), as in the Fastify
  // twin; each router says the same, since a router does not inherit the setting.
  app.enable('case sensitive routing');
  app.disable('x-powered-by');
  // No conditional GETs in the contract: responses carry no ETag, as the Fastify twin's.
  app.disable('etag');
  // The client address (login throttling, rate limits) as the Fastify twin reads it.
  app.set('trust proxy', frameworkProxyTrust(deps.config.trustProxy));
  app.use(addSecurityHeaders);
  app.use(logRequests(deps.logger));
  app.use(limitBodies);
  app.use(refuseEncodedBodies);
  app.use(
    express.json({
      limit: BODY_LIMIT_BYTES,
      type: (req) => isUtf8Json(req.headers['content-type']),
      // Any JSON value is read, as in the Fastify twin: the route's schema then says that an
      // object was expected, rather than the parser calling `"text"` invalid JSON.
      strict: false,
      reviver: refusePrototypeKeys,
    }),
  );
  // Any other body is read within the same limit and dropped, as in the Fastify app: too large
  // is 413 whatever the type, and otherwise the route's schema reports the missing object (400).
  app.use(express.raw({ limit: BODY_LIMIT_BYTES, type: () => true }), dropUnreadBody);
  app.use(healthRoutes(services.db));
  app.use(openApiRoutes());
  app.use('/api', authRoutes(services.auth, authenticated, services.limits));
  app.use('/api', userRoutes(services.users, authenticated));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
