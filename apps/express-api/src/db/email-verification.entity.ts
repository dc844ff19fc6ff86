import 'reflect-metadata';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One verification email: only the SHA-256 of its token is kept. */
@Entity({ name: 'email_verifications' })
export class EmailVerificationEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  // The foreign key (ON DELETE CASCADE) lives in the migration.
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
