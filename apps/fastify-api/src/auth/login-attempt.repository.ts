import { and, count, eq, gt, lte, min } from 'drizzle-orm';
import type { Database } from '../db/database';
import { loginAttempts } from '../db/schema';

export interface FailureWindow {
  count: number;
  oldest: Date | undefined;
}

/** Failed logins per (email, client IP), in the database so every instance sees them. */
export class LoginAttemptRepository {
  constructor(private readonly db: Database) {}

  async recordFailure(email: string, clientIp: string, at: Date): Promise<void> {
    await this.db.insert(loginAttempts).values({ email, clientIp, attemptedAt: at });
  }

  async failuresSince(email: string, clientIp: string, since: Date): Promise<FailureWindow> {
    const [row] = await this.db
      .select({ count: count(), oldest: min(loginAttempts.attemptedAt) })
      .from(loginAttempts)
      .where(and(this.of(email, clientIp), gt(loginAttempts.attemptedAt, since)));
    return { count: row?.count ?? 0, oldest: row?.oldest ?? undefined };
  }

  /** After a successful login. */
  async clear(email: string, clientIp: string): Promise<void> {
    await this.db.delete(loginAttempts).where(this.of(email, clientIp));
  }

  /** Attempts too old to count any more; keeps the table small. */
  async deleteBefore(email: string, clientIp: string, before: Date): Promise<void> {
    await this.db
      .delete(loginAttempts)
      .where(and(this.of(email, clientIp), lte(loginAttempts.attemptedAt, before)));
  }

  private of(email: string, clientIp: string) {
    return and(eq(loginAttempts.email, email), eq(loginAttempts.clientIp, clientIp));
  }
}
