import type { Clock } from '../clock';
import type { Repositories } from '../db/database';
import { ServiceUnavailableError } from '../http/errors';
import type { RateLimiter } from '../http/rate-limiter';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import { verificationEmail } from '../mail/verification-email';
import type { UserRecord } from '../users/user.repository';
import { newVerificationToken, VERIFICATION_TTL_MS } from './verification-token';

/**
 * Starts a verification: stores the token's hash and sends the email. Callers run it inside
 * their transaction, so a failed send rolls back the user they just wrote.
 */
export class EmailVerifier {
  constructor(
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly publicUrl: string,
    private readonly logger: Logger,
    private readonly emailsPerAccount: RateLimiter,
  ) {}

  async start(repos: Repositories, user: UserRecord): Promise<void> {
    // Before anything is written or sent; a refusal rolls back the caller's transaction too.
    this.emailsPerAccount.take(user.id);
    const now = this.clock.now();
    const { token, tokenHash } = newVerificationToken();
    await repos.verifications.create({
      userId: user.id,
      tokenHash,
      expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
      createdAt: now,
    });
    try {
      await this.mailer.send(verificationEmail(user.email, token, this.publicUrl));
    } catch (error) {
      this.logger.warn({ event: 'mail_failed', userId: user.id, reason: (error as Error).message });
      throw new ServiceUnavailableError(
        'The verification email could not be sent. Try again later.',
      );
    }
  }
}
