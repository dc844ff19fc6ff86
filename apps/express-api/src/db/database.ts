import type { DataSource, EntityManager } from 'typeorm';
import { EmailVerificationRepository } from '../auth/email-verification.repository';
import { LoginAttemptRepository } from '../auth/login-attempt.repository';
import { UserRepository } from '../users/user.repository';

export interface Repositories {
  users: UserRepository;
  verifications: EmailVerificationRepository;
  loginAttempts: LoginAttemptRepository;
}

export function repositoriesFor(manager: EntityManager): Repositories {
  return {
    users: new UserRepository(manager),
    verifications: new EmailVerificationRepository(manager),
    loginAttempts: new LoginAttemptRepository(manager),
  };
}

/**
 * What services see of the database: repositories outside a transaction, and a way to
 * run several writes (and a mail send) as one unit that commits or rolls back whole.
 */
export class Database {
  readonly repos: Repositories;

  constructor(private readonly dataSource: DataSource) {
    this.repos = repositoriesFor(dataSource.manager);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(repositoriesFor(manager)));
  }

  async ping(): Promise<void> {
    // Stryker disable next-line StringLiteral: an empty query makes the same round trip to the server, which is all a ping checks
    await this.dataSource.query('SELECT 1');
  }
}
