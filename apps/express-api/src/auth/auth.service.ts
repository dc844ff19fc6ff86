import type { Clock } from '../clock';
import type { Database } from '../db/database';
import {
  BadRequestError,
  ForbiddenError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../http/errors';
import type { Logger } from '../logger';
import type { UserRecord } from '../users/user.repository';
import type { AccessTokens } from './access-tokens';
import type { LoginInput, RegisterInput, TokenResponse } from './auth.schemas';
import type { EmailVerifier } from './email-verifier';
import type { LoginThrottle } from './login-throttle';
import type { PasswordHasher } from './password-hasher';
import type { PasswordBreachChecker } from './password-breach-checker';
import { refuseBreachedPassword } from './breached-password';
import { hashToken } from './verification-token';

export interface AuthServiceDeps {
  db: Database;
  hasher: PasswordHasher;
  breachChecker: PasswordBreachChecker;
  tokens: AccessTokens;
  verifier: EmailVerifier;
  throttle: LoginThrottle;
  clock: Clock;
  logger: Logger;
}

const INVALID_TOKEN = 'The verification token is invalid, already used or expired.';
const INVALID_CREDENTIALS = 'The email or password is incorrect.';

export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /** The user, its verification record and the email: all or nothing. */
  async register(input: RegisterInput): Promise<UserRecord> {
    const { db, hasher, breachChecker, verifier, clock, logger } = this.deps;
    await refuseBreachedPassword(breachChecker, input.password);
    const passwordHash = await hasher.hash(input.password);
    const user = await db.transaction(async (repos) => {
      const created = await repos.users.create({
        name: input.name,
        email: input.email,
        passwordHash,
        role: 'user',
        emailVerified: false,
        createdAt: clock.now(),
      });
      await verifier.start(repos, created);
      return created;
    });
    logger.info({ event: 'user_registered', userId: user.id });
    return user;
  }

  async verifyEmail(token: string): Promise<UserRecord> {
    const { db, clock, logger } = this.deps;
    const now = clock.now();
    const user = await db.transaction(async (repos) => {
      const userId = await repos.verifications.consume(hashToken(token), now);
      if (!userId) throw new BadRequestError(INVALID_TOKEN);
      return repos.users.update(userId, { emailVerified: true, updatedAt: now });
    });
    if (!user) throw new BadRequestError(INVALID_TOKEN);
    logger.info({ event: 'email_verified', userId: user.id });
    return user;
  }

  async login(credentials: LoginInput, clientIp: string): Promise<TokenResponse> {
    const { throttle, tokens, logger } = this.deps;
    const attempt = await throttle
      .claimAttempt(credentials.email, clientIp)
      .catch((error: unknown) => {
        // Only the 429: a database that failed throttled no one. Nothing the caller typed: a
        // password typed into the email field would be logged.
        if (error instanceof TooManyRequestsError)
          logger.warn({ event: 'login_throttled', clientIp });
        throw error;
      });
    const user = await this.checkPassword(credentials, clientIp).catch(async (error: unknown) => {
      // Only a wrong email or password is a failed attempt: a database that timed out is not
      // the client's fault, and five of them must not lock a user out.
      if (!(error instanceof UnauthorizedError))
        await throttle.release(attempt).catch(() => undefined);
      throw error;
    });
    if (!user.emailVerified) {
      await throttle.release(attempt);
      throw new ForbiddenError('Verify your email address before signing in.');
    }
    await throttle.reset(credentials.email, clientIp);
    logger.info({ event: 'login_succeeded', userId: user.id });
    const { token, expiresIn } = await tokens.issue(user.id);
    return { access_token: token, token_type: 'bearer', expires_in: expiresIn };
  }

  /** The user, or one 401 for an unknown email and a wrong password alike (the attempt stays counted). */
  private async checkPassword({ email, password }: LoginInput, clientIp: string) {
    const { db, hasher, logger } = this.deps;
    const user = await db.repos.users.findByEmail(email);
    const valid = user
      ? await hasher.verify(user.passwordHash, password)
      : await hasher.verifyNothing(password);
    if (user && valid) return user;
    // The user's id when the email is known, never the email as typed (it may be a password).
    const who = user ? { userId: user.id, reason: 'wrong_password' } : { reason: 'unknown_email' };
    logger.warn({ event: 'login_failed', ...who, clientIp });
    throw new UnauthorizedError(INVALID_CREDENTIALS);
  }
}
