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

  async recordFailure(email: string, clientIp: string, at: Date): Promise<void> {
    await this.table.insert({ id: randomUUID(), email, clientIp, attemptedAt: at });
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
