import fp from 'fastify-plugin';
import { EmailVerificationRepository } from '../auth/email-verification.repository';
import { LoginAttemptRepository } from '../auth/login-attempt.repository';
import { UserRepository } from '../users/user.repository';
import type { Database } from './database';

export interface Repositories {
  users: UserRepository;
  verifications: EmailVerificationRepository;
  loginAttempts: LoginAttemptRepository;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    repositories: Repositories;
  }
}

export function createRepositories(db: Database): Repositories {
  return {
    users: new UserRepository(db),
    verifications: new EmailVerificationRepository(db),
    loginAttempts: new LoginAttemptRepository(db),
  };
}

/** The database the app was given (its pool belongs to whoever built the app) and the repositories over it. */
export const databasePlugin = fp<{ db: Database }>(
  (app, { db }, done) => {
    app.decorate('db', db);
    app.decorate('repositories', createRepositories(db));
    done();
  },
  { name: 'database' },
);
