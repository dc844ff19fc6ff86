import { randomUUID } from 'node:crypto';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { LoginAttemptEntity } from '../db/login-attempt.entity';

/** Whose failures a throttle rule counts: one email, one client, or the pair. */
export interface FailureScope {
  email?: string;
  clientIp?: string;
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
   * Waits for, then holds until the transaction ends, a lock on one key (a client, an
   * email): attempts on other keys go on in parallel. Only meaningful inside a transaction.
   */
  async lock(key: string): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  async remove(id: string): Promise<void> {
    await this.table.delete({ id });
  }

  /** The time of the n-th newest failure in the scope after `since`, if there are n. */
  async nthNewestFailure(scope: FailureScope, n: number, since: Date): Promise<Date | undefined> {
    const query = this.table
      .createQueryBuilder('attempt')
      .select('attempt.attempted_at', 'attemptedAt')
      .where('attempt.attempted_at > :since', { since });
    if (scope.email !== undefined) query.andWhere('attempt.email = :email', scope);
    if (scope.clientIp !== undefined) query.andWhere('attempt.client_ip = :clientIp', scope);
    const row = await query
      .orderBy('attempt.attempted_at', 'DESC')
      .offset(n - 1)
      .limit(1)
      .getRawOne<{ attemptedAt: Date }>();
    return row?.attemptedAt;
  }

  /** After a successful login. */
  async clear(email: string, clientIp: string): Promise<void> {
    await this.table.delete({ email, clientIp });
  }

  /** Every attempt too old to count for any rule, whoever made it: keeps the table small. */
  async deleteBefore(before: Date): Promise<void> {
    await this.table.delete({ attemptedAt: LessThanOrEqual(before) });
  }
}
