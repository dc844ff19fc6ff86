import type { Clock } from '../clock';
import { TooManyRequestsError } from '../http/errors';
import type { LoginAttemptRepository } from './login-attempt.repository';

// The contract: 5 failed attempts for one email from one client within 15 minutes.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Login throttling per (email, client IP). Attempts live in the database, so the limit holds
 * across processes and restarts; time comes from the injected clock.
 */
export class LoginThrottle {
  constructor(
    private readonly attempts: LoginAttemptRepository,
    private readonly clock: Clock,
  ) {}

  async ensureAllowed(email: string, clientIp: string): Promise<void> {
    const now = this.clock.now();
    const { count, oldest } = await this.attempts.failuresSince(
      email,
      clientIp,
      new Date(now.getTime() - WINDOW_MS),
    );
    if (count < MAX_FAILURES || !oldest) return;
    // Allowed again once the oldest failure in the window has aged out of it.
    const retryAfterMs = new Date(oldest).getTime() + WINDOW_MS - now.getTime();
    throw new TooManyRequestsError(
      'Too many failed login attempts. Try again later.',
      Math.max(1, Math.ceil(retryAfterMs / 1000)),
    );
  }

  async recordFailure(email: string, clientIp: string): Promise<void> {
    const now = this.clock.now();
    await this.attempts.deleteBefore(email, clientIp, new Date(now.getTime() - WINDOW_MS));
    await this.attempts.recordFailure(email, clientIp, now);
  }

  reset(email: string, clientIp: string): Promise<void> {
    return this.attempts.clear(email, clientIp);
  }
}
