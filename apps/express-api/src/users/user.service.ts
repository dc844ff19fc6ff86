import type { EmailVerifier } from '../auth/email-verifier';
import type { PasswordHasher } from '../auth/password-hasher';
import type { PasswordBreachChecker } from '../auth/password-breach-checker';
import { refuseBreachedPassword } from '../auth/breached-password';
import type { Clock } from '../clock';
import type { Database, Repositories } from '../db/database';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { Logger } from '../logger';
import { ensureAdmin, ensureCanManage, isAdmin } from './user.policy';
import type { UserFilter, UserRecord } from './user.repository';
import type { CreateUserInput, UserChangesInput } from './user.schemas';

export interface UserServiceDeps {
  db: Database;
  hasher: PasswordHasher;
  breachChecker: PasswordBreachChecker;
  verifier: EmailVerifier;
  clock: Clock;
  logger: Logger;
}

const USER_NOT_FOUND = 'No user with this id.';

export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  list(filter: UserFilter) {
    return this.deps.db.repos.users.list(filter);
  }

  async get(id: string): Promise<UserRecord> {
    const user = await this.deps.db.repos.users.findById(id);
    if (!user) throw new NotFoundError(USER_NOT_FOUND);
    return user;
  }

  /** Admin only. An unverified user gets a verification email, as on registration. */
  async create(caller: UserRecord, input: CreateUserInput): Promise<UserRecord> {
    ensureAdmin(caller);
    const { db, hasher, breachChecker, verifier, clock, logger } = this.deps;
    await refuseBreachedPassword(breachChecker, input.password);
    const passwordHash = await hasher.hash(input.password);
    const user = await db.transaction(async (repos) => {
      const created = await repos.users.create({
        name: input.name,
        email: input.email,
        role: input.role,
        emailVerified: input.emailVerified,
        passwordHash,
        createdAt: clock.now(),
      });
      if (!created.emailVerified) await verifier.start(repos, created);
      return created;
    });
    logger.info({ event: 'user_created', userId: user.id, by: caller.id });
    return user;
  }

  async update(caller: UserRecord, id: string, changes: UserChangesInput): Promise<UserRecord> {
    ensureCanManage(caller, id);
    if (changes.role !== undefined && !isAdmin(caller)) {
      throw new ForbiddenError('Only an admin can change a role.');
    }
    return this.deps.db.transaction(async (repos) => {
      const user = await repos.users.findById(id);
      if (!user) throw new NotFoundError(USER_NOT_FOUND);
      if (caller.id === id && changes.role !== undefined && changes.role !== user.role) {
        throw new ForbiddenError('An admin cannot change their own role.');
      }
      return this.applyChanges(repos, user, changes);
    });
  }

  private async applyChanges(repos: Repositories, user: UserRecord, changes: UserChangesInput) {
    const emailChanged = changes.email !== undefined && changes.email !== user.email;
    const updated = await repos.users.update(user.id, {
      ...changes,
      ...(emailChanged ? { emailVerified: false } : {}),
      updatedAt: this.deps.clock.now(),
    });
    if (!updated) throw new NotFoundError(USER_NOT_FOUND);
    if (emailChanged) {
      // A token sent to the old address must not verify the new one.
      await repos.verifications.deleteForUser(user.id);
      await this.deps.verifier.start(repos, updated);
    }
    return updated;
  }

  async delete(caller: UserRecord, id: string): Promise<void> {
    ensureCanManage(caller, id);
    const deleted = await this.deps.db.repos.users.delete(id);
    if (!deleted) throw new NotFoundError(USER_NOT_FOUND);
    this.deps.logger.info({ event: 'user_deleted', userId: id, by: caller.id });
  }
}
