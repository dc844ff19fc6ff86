import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { Executor } from '../db/database';
import { describeError } from '../http/describe-error';
import type { RateLimiter } from '../http/rate-limiter';
import type { Mailer } from '../mail/mailer';
import { verificationEmail } from '../mail/verification-email';
import type { User } from '../users/user.repository';
import { InvalidVerificationTokenError, MailUnavailableError } from './auth.errors';
import type { EmailVerificationRepository } from './email-verification.repository';
import { hashToken, newVerificationToken } from './verification-token';

const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Starts and completes email verification: token, stored hash, email. */
export class EmailVerifier {
  constructor(
    private readonly verifications: EmailVerificationRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly publicUrl: string,
    private readonly log: FastifyBaseLogger,
    private readonly emailsPerAccount: RateLimiter,
  ) {}

  /**
   * Stores a new token's hash and mails the token, inside the caller's transaction: when
   * the mail cannot be sent, the error rolls the whole transaction back.
   */
  async start(user: Pick<User, 'id' | 'email'>, tx: Executor): Promise<void> {
    // Before anything is written or sent; a refusal rolls back the caller's transaction too.
    this.emailsPerAccount.take(user.id);
    const { token, tokenHash } = newVerificationToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS);
    await this.verifications.create({ userId: user.id, tokenHash, expiresAt, createdAt: now }, tx);
    try {
      await this.mailer.send(verificationEmail(user.email, token, this.publicUrl));
    } catch (error) {
      const reason = describeError(error).message;
      this.log.warn({ event: 'mail_failed', userId: user.id, reason });
      throw new MailUnavailableError();
    }
  }

  /** The user id of an unused, unexpired token, which this call uses up. */
  async consume(token: string, tx: Executor): Promise<string> {
    const userId = await this.verifications.consume(hashToken(token), this.clock.now(), tx);
    if (!userId) throw new InvalidVerificationTokenError();
    return userId;
  }

  /** An email change makes the older tokens worthless: they were sent to the old address. */
  async restart(user: Pick<User, 'id' | 'email'>, tx: Executor): Promise<void> {
    await this.verifications.deleteForUser(user.id, tx);
    await this.start(user, tx);
  }
}
