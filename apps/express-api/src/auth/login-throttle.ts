import type { Clock } from '../clock';
import { TooManyRequestsError } from '../http/errors';
import type { Database } from '../db/database';

// The contract: 5 failed attempts for one email from one client within 15 minutes.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Login throttling per (email, client IP). Attempts live in the database, so the limit holds
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
    private readonly clock: Clock,
  ) {}

  /** Records an attempt as a failure, or throws 429 when the pair has had its five. */
  async claimAttempt(email: string, clientIp: string): Promise<string> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - WINDOW_MS);
    return this.db.transaction(async ({ loginAttempts }) => {
      await loginAttempts.lockPair(email, clientIp);
      await loginAttempts.deleteBefore(email, clientIp, since);
      const { count, oldest } = await loginAttempts.failuresSince(email, clientIp, since);
      if (count >= MAX_FAILURES && oldest) {
        // Allowed again once the oldest failure in the window has aged out of it.
        const retryAfterMs = new Date(oldest).getTime() + WINDOW_MS - now.getTime();
        throw new TooManyRequestsError(
          'Too many failed login attempts. Try again later.',
          Math.max(1, Math.ceil(retryAfterMs / 1000)),
        );
      }
      return loginAttempts.recordFailure(email, clientIp, now);
    });
  }

  /** The password was right: the attempt was no failure. */
  release(attemptId: string): Promise<void> {
    return this.db.repos.loginAttempts.remove(attemptId);
  }

  /** Signed in: the pair starts afresh. */
  reset(email: string, clientIp: string): Promise<void> {
    return this.db.repos.loginAttempts.clear(email, clientIp);
  }
}
