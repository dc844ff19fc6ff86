import { and, count, eq, gt, lte, min, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database';
import { loginAttempts } from '../db/schema';

export interface FailureWindow {
  count: number;
  oldest: Date | undefined;
}

/** Failed logins per (email, client IP), in the database so every instance sees them. */
export class LoginAttemptRepository {
  constructor(private readonly db: Database) {}

  /** Returns the attempt's id, so a claim that turns out not to be a failure can be taken back. */
  async recordFailure(
    email: string,
    clientIp: string,
    at: Date,
    tx: Executor = this.db,
  ): Promise<string> {
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, clientIp, attemptedAt: at })
      .returning({ id: loginAttempts.id });
    if (!row) throw new Error('The insert returned no row.');
    return row.id;
  }

  /**
   * Waits for, then holds until the transaction ends, a lock on one (email, client IP) pair:
   * attempts on other pairs go on in parallel. Only meaningful inside a transaction.
   */
  async lockPair(email: string, clientIp: string, tx: Executor): Promise<void> {
    const key = `login:${email}:${clientIp}`;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(loginAttempts).where(eq(loginAttempts.id, id));
  }

  async failuresSince(
    email: string,
    clientIp: string,
    since: Date,
    tx: Executor = this.db,
  ): Promise<FailureWindow> {
    const [row] = await tx
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
  async deleteBefore(
    email: string,
    clientIp: string,
    before: Date,
    tx: Executor = this.db,
  ): Promise<void> {
    await tx
      .delete(loginAttempts)
      .where(and(this.of(email, clientIp), lte(loginAttempts.attemptedAt, before)));
  }

  private of(email: string, clientIp: string) {
    return and(eq(loginAttempts.email, email), eq(loginAttempts.clientIp, clientIp));
  }
}
