import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db/database';
import { emailVerifications } from '../db/schema';

export interface NewEmailVerification {
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}

/** Verification records: only the token's hash is stored. */
export class EmailVerificationRepository {
  constructor(private readonly db: Database) {}

  async create(record: NewEmailVerification, tx: Executor = this.db): Promise<void> {
    await tx.insert(emailVerifications).values(record);
  }

  /**
   * Marks the token used, if it is unused and unexpired, and returns its user's id. One
   * conditional UPDATE, so two requests racing with the same token cannot both win.
   */
  async consume(tokenHash: string, now: Date, tx: Executor = this.db): Promise<string | undefined> {
    const [used] = await tx
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerifications.tokenHash, tokenHash),
          isNull(emailVerifications.usedAt),
          gt(emailVerifications.expiresAt, now),
        ),
      )
      .returning({ userId: emailVerifications.userId });
    return used?.userId;
  }

  async deleteForUser(userId: string, tx: Executor = this.db): Promise<void> {
    await tx.delete(emailVerifications).where(eq(emailVerifications.userId, userId));
  }

  async countForUser(userId: string, tx: Executor = this.db): Promise<number> {
    return tx.$count(emailVerifications, eq(emailVerifications.userId, userId));
  }
}
