import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { ForbiddenError } from '../http/errors';
import type { User } from '../users/user.repository';
import { UserIdParamsSchema } from '../users/user.schemas';
import { UserService } from '../users/user.service';
import { AccessTokens } from './access-tokens';
import { InvalidAccessTokenError } from './auth.errors';
import { AuthService } from './auth.service';
import { ensureCanManage, isAdmin } from './caller';
import { EmailVerifier } from './email-verifier';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { createPasswordBreachChecker, type PasswordBreachChecker } from './password-breach-checker';
import { createRequestLimits, type RequestLimits } from './request-limits';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    authService: AuthService;
    userService: UserService;
    /** Per-address limits on costly routes, and verification emails per account. */
    requestLimits: RequestLimits;
    /** onRequest hook: a valid bearer token of a user who still exists, or 401. */
    authenticate: Hook;
    /** onRequest hook, after authenticate: an admin, or 403. */
    requireAdmin: Hook;
    /**
     * preValidation hook for routes on `/:id`: a non-admin touching another user's record gets
     * 403 before the body is validated, and whether or not the id exists.
     */
    requireSelfOrAdmin: Hook;
  }
  interface FastifyRequest {
    caller: User | null;
  }
}

function bearerToken(header: string | undefined): string {
  if (header === undefined) throw new InvalidAccessTokenError('Authentication is required.');
  // Node has already dropped the whitespace around a header's value, as for the Express twin.
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new InvalidAccessTokenError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

/** The signed-in caller of a route protected by `authenticate`. */
export function callerOf(request: FastifyRequest): User {
  if (!request.caller) throw new InvalidAccessTokenError();
  return request.caller;
}

interface AuthPluginOptions {
  config: Config;
  clock: Clock;
  passwordBreachChecker?: PasswordBreachChecker | undefined;
}

export const authPlugin = fp<AuthPluginOptions>(
  (app, { config, clock, passwordBreachChecker }, done) => {
    const { users, verifications: records, loginAttempts } = app.repositories;
    const passwords = new PasswordHasher(config.passwords);
    const tokens = new AccessTokens(config.jwt, clock);
    const limits = createRequestLimits(config.rateLimits, clock, app.log);
    const verifications = new EmailVerifier(
      records,
      app.mailer,
      clock,
      config.publicUrl,
      app.log,
      limits.verificationEmails,
    );
    const throttle = new LoginThrottle(app.db, loginAttempts, clock);
    const breachChecker =
      passwordBreachChecker ??
      createPasswordBreachChecker(config.passwordBreachCheck, { logger: app.log });
    const shared = {
      db: app.db,
      users,
      verifications,
      passwords,
      breachChecker,
      clock,
      log: app.log,
    };
    app.decorate('authService', new AuthService({ ...shared, tokens, throttle }));
    app.decorate('userService', new UserService(shared));
    app.decorate('requestLimits', limits);

    // Stryker disable next-line StringLiteral: a decoration only gives every request this property up front (Fastify's advice, for V8's object shapes); set later, it reads the same
    app.decorateRequest('caller', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const userId = await tokens.verify(bearerToken(request.headers.authorization));
      // Roles and existence come from the database on every request, never from the token.
      const user = await users.findById(userId);
      // Stryker disable next-line ConditionalExpression: doubled on purpose, callerOf refuses a request without a caller too; each route is safe even if the other check goes
      if (!user) throw new InvalidAccessTokenError();
      request.caller = user;
    });
    app.decorate('requireAdmin', (request: FastifyRequest) =>
      isAdmin(callerOf(request))
        ? Promise.resolve()
        : Promise.reject(new ForbiddenError('This needs the admin role.')),
    );
    // async with no await: the hook refuses by rejecting, which turns the policy's throw into that.
    // eslint-disable-next-line @typescript-eslint/require-await
    app.decorate('requireSelfOrAdmin', async (request: FastifyRequest) => {
      // A malformed id is left to validation (400), as in the Express app.
      const params = UserIdParamsSchema.safeParse(request.params);
      if (params.success) ensureCanManage(callerOf(request), params.data.id);
    });
    done();
  },
  // Stryker disable next-line ObjectLiteral,StringLiteral,ArrayDeclaration: fastify-plugin's checks of the order app.ts registers plugins in, which is right (in a wrong one every test fails)
  { name: 'auth', dependencies: ['database', 'mailer'] },
);
