import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { createAccessTokens } from './auth/access-tokens';
import { authRoutes } from './auth/auth.routes';
import { AuthService } from './auth/auth.service';
import { EmailVerifier } from './auth/email-verifier';
import { LoginThrottle } from './auth/login-throttle';
import { createRequestLimits } from './auth/request-limits';
import { createPasswordHasher } from './auth/password-hasher';
import {
  createPasswordBreachChecker,
  type PasswordBreachChecker,
} from './auth/password-breach-checker';
import type { Clock } from './clock';
import type { AppConfig } from './config';
import { Database } from './db/database';
import { healthRoutes } from './health/health.routes';
import { authenticate } from './http/authenticate';
import { refuseEncodedBodies } from './http/body-encoding';
import { limitBodies } from './http/body-limit';
import { readBodyUnlessGet } from './http/read-body';
import { errorHandler } from './http/error-handler';
import { frameworkProxyTrust } from './http/proxy-trust';
import { notFound } from './http/not-found';
import { decodePath } from './http/path-encoding';
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
  /** Unset: the real check from `config.passwordBreachCheck` (off when that is unset). */
  passwordBreachChecker?: PasswordBreachChecker;
}

function createServices({ dataSource, mailer, clock, config, logger, ...deps }: AppDeps) {
  const db = new Database(dataSource);
  const hasher = createPasswordHasher(config.passwordHashing);
  const breachChecker =
    deps.passwordBreachChecker ??
    createPasswordBreachChecker(config.passwordBreachCheck, { logger });
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
    auth: new AuthService({ db, hasher, breachChecker, tokens, verifier, throttle, clock, logger }),
    users: new UserService({ db, hasher, breachChecker, verifier, clock, logger }),
  };
}

export { isUtf8Json } from './http/read-body';

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
  // Nor 304s: Express answers `If-None-Match: *` with one even without ETags, Fastify never.
  // Stryker disable next-line ObjectLiteral,ArrowFunction: equivalent, an empty descriptor or a getter of undefined leaves `fresh` undefined, which Express reads as false too
  Object.defineProperty(app.request, 'fresh', { get: () => false });
  // The client address (login throttling, rate limits) as the Fastify twin reads it.
  app.set('trust proxy', frameworkProxyTrust(deps.config.trustProxy));
  app.use(addSecurityHeaders);
  app.use(logRequests(deps.logger));
  app.use(decodePath);
  app.use(limitBodies);
  app.use(refuseEncodedBodies);
  app.use(healthRoutes(services.db));
  app.use(openApiRoutes());
  app.use('/api', authRoutes(services.auth, authenticated, services.limits));
  app.use('/api', userRoutes(services.users, authenticated));
  app.use(readBodyUnlessGet, notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
