import type { Clock } from '../clock';
import { LoginThrottledError } from './auth.errors';
import type { LoginAttemptRepository } from './login-attempt.repository';

// The contract: 5 failed attempts for one email from one client within 15 minutes.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Login throttling per (email, client IP). Failures live in the database, so the limit holds
 * across processes and restarts; time comes from the injected clock.
 */
export class LoginThrottle {
  constructor(
    private readonly attempts: LoginAttemptRepository,
    private readonly clock: Clock,
  ) {}

  async ensureAllowed(email: string, clientIp: string): Promise<void> {
    const now = this.clock.now().getTime();
    const since = new Date(now - WINDOW_MS);
    const { count, oldest } = await this.attempts.failuresSince(email, clientIp, since);
    if (count < MAX_FAILURES || !oldest) return;
    // Allowed again once the oldest failure in the window has aged out of it.
    const retryAfterSeconds = Math.ceil((oldest.getTime() + WINDOW_MS - now) / 1000);
    throw new LoginThrottledError(Math.max(1, retryAfterSeconds));
  }

  async recordFailure(email: string, clientIp: string): Promise<void> {
    const now = this.clock.now();
    await this.attempts.recordFailure(email, clientIp, now);
    await this.attempts.deleteBefore(email, clientIp, new Date(now.getTime() - WINDOW_MS));
  }

  reset(email: string, clientIp: string): Promise<void> {
    return this.attempts.clear(email, clientIp);
  }
}
