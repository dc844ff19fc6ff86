import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EmailVerificationEntity } from '../db/email-verification.entity';

export interface NewEmailVerification {
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}

export class EmailVerificationRepository {
  constructor(private readonly manager: EntityManager) {}

  private get table() {
    return this.manager.getRepository(EmailVerificationEntity);
  }

  async create(input: NewEmailVerification): Promise<void> {
    await this.table.insert({ ...input, id: randomUUID(), usedAt: null });
  }

  /**
   * Marks the token used, if it is unused and unexpired, and returns its user's id. One
   * conditional UPDATE, so two requests racing with the same token cannot both win.
   */
  async consume(tokenHash: string, now: Date): Promise<string | undefined> {
    const result = await this.table
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now', {
        tokenHash,
        now,
      })
      .returning('user_id')
      .execute();
    const rows = result.raw as { user_id: string }[];
    return rows[0]?.user_id;
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.table.delete({ userId });
  }

  async countForUser(userId: string): Promise<number> {
    return this.table.countBy({ userId });
  }
}
