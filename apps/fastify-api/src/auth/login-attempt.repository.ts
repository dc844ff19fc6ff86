import { and, desc, eq, gt, lte, sql } from 'drizzle-orm';
import { onlyRow, type Database, type Executor } from '../db/database';
import { loginAttempts } from '../db/schema';

/** Whose failures a throttle rule counts: one email, one client, or the pair. */
export interface FailureScope {
  email?: string;
  clientIp?: string;
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
    const rows = await tx
      .insert(loginAttempts)
      .values({ email, clientIp, attemptedAt: at })
      .returning({ id: loginAttempts.id });
    return onlyRow(rows).id;
  }

  /**
   * Waits for, then holds until the transaction ends, a lock on one key (a client, an
   * email): attempts on other keys go on in parallel. Only meaningful inside a transaction.
   */
  async lock(key: string, tx: Executor): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(loginAttempts).where(eq(loginAttempts.id, id));
  }

  /** The time of the n-th newest failure in the scope after `since`, if there are n. */
  async nthNewestFailure(
    { email, clientIp }: FailureScope,
    n: number,
    since: Date,
    tx: Executor = this.db,
  ): Promise<Date | undefined> {
    const [row] = await tx
      .select({ attemptedAt: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(
        and(
          gt(loginAttempts.attemptedAt, since),
          email === undefined ? undefined : eq(loginAttempts.email, email),
          clientIp === undefined ? undefined : eq(loginAttempts.clientIp, clientIp),
        ),
      )
      .orderBy(desc(loginAttempts.attemptedAt))
      .offset(n - 1)
      .limit(1);
    return row?.attemptedAt;
  }

  /** After a successful login. */
  async clear(email: string, clientIp: string): Promise<void> {
    await this.db
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.clientIp, clientIp)));
  }

  /** Every attempt too old to count for any rule, whoever made it: keeps the table small. */
  async deleteBefore(before: Date): Promise<void> {
    await this.db.delete(loginAttempts).where(lte(loginAttempts.attemptedAt, before));
  }
}
