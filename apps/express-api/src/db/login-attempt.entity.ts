import 'reflect-metadata';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A failed login, kept in the database so throttling holds across processes. */
@Entity({ name: 'login_attempts' })
export class LoginAttemptEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'email', type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'client_ip', type: 'text' })
  clientIp!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;
}
