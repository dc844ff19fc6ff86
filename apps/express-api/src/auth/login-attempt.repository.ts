import { randomUUID } from 'node:crypto';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { LoginAttemptEntity } from '../db/login-attempt.entity';

export interface FailureWindow {
  count: number;
  oldest: Date | undefined;
}

/** Failed logins per (email, client IP), the throttle's memory. */
export class LoginAttemptRepository {
  constructor(private readonly manager: EntityManager) {}

  private get table() {
    return this.manager.getRepository(LoginAttemptEntity);
  }

  /** Returns the attempt's id, so a claim that turns out not to be a failure can be taken back. */
  async recordFailure(email: string, clientIp: string, at: Date): Promise<string> {
    const id = randomUUID();
    await this.table.insert({ id, email, clientIp, attemptedAt: at });
    return id;
  }

  /**
   * Waits for, then holds until the transaction ends, a lock on one (email, client IP) pair:
   * attempts on other pairs go on in parallel. Only meaningful inside a transaction.
   */
  async lockPair(email: string, clientIp: string): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `login:${email}:${clientIp}`,
    ]);
  }

  async remove(id: string): Promise<void> {
    await this.table.delete({ id });
  }

  async failuresSince(email: string, clientIp: string, since: Date): Promise<FailureWindow> {
    const row = await this.table
      .createQueryBuilder('attempt')
      .select('count(*)::int', 'count')
      .addSelect('min(attempt.attempted_at)', 'oldest')
      .where('attempt.email = :email AND attempt.client_ip = :clientIp', { email, clientIp })
      .andWhere('attempt.attempted_at > :since', { since })
      .getRawOne<{ count: number; oldest: Date | null }>();
    return { count: row?.count ?? 0, oldest: row?.oldest ?? undefined };
  }

  /** After a successful login. */
  async clear(email: string, clientIp: string): Promise<void> {
    await this.table.delete({ email, clientIp });
  }

  /** Attempts too old to count any more; keeps the table small. */
  async deleteBefore(email: string, clientIp: string, before: Date): Promise<void> {
    await this.table.delete({ email, clientIp, attemptedAt: LessThanOrEqual(before) });
  }
}
