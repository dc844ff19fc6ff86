import type { Clock } from '../clock';
import { LoginThrottledError } from './auth.errors';
import type { Database } from '../db/database';
import type { LoginAttemptRepository } from './login-attempt.repository';

// The contract: 5 failed attempts for one email from one client within 15 minutes.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Login throttling per (email, client IP). Failures live in the database, so the limit holds
 * across processes and restarts; time comes from the injected clock.
 *
 * An attempt is counted before its password is checked, not after: checking takes a while
 * (Argon2), and attempts sent at once would otherwise all see the same past failures and
 * all get through. Counting and recording happen under a lock on the pair, so the sixth
 * attempt gets 429 however many arrive together (docs/hardening/concurrency.md).
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly attempts: LoginAttemptRepository,
    private readonly clock: Clock,
  ) {}

  /** Records an attempt as a failure, or throws 429 when the pair has had its five. */
  async claimAttempt(email: string, clientIp: string): Promise<string> {
    const now = this.clock.now().getTime();
    const since = new Date(now - WINDOW_MS);
    return this.db.transaction(async (tx) => {
      await this.attempts.lockPair(email, clientIp, tx);
      await this.attempts.deleteBefore(email, clientIp, since, tx);
      const { count, oldest } = await this.attempts.failuresSince(email, clientIp, since, tx);
      if (count >= MAX_FAILURES && oldest) {
        // Allowed again once the oldest failure in the window has aged out of it.
        const retryAfterSeconds = Math.ceil((oldest.getTime() + WINDOW_MS - now) / 1000);
        throw new LoginThrottledError(Math.max(1, retryAfterSeconds));
      }
      return this.attempts.recordFailure(email, clientIp, new Date(now), tx);
    });
  }

  /** The password was right: the attempt was no failure. */
  release(attemptId: string): Promise<void> {
    return this.attempts.remove(attemptId);
  }

  /** Signed in: the pair starts afresh. */
  reset(email: string, clientIp: string): Promise<void> {
    return this.attempts.clear(email, clientIp);
  }
}
