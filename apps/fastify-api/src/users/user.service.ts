import type { FastifyBaseLogger } from 'fastify';
import type { Caller } from '../auth/caller';
import { ensureCanManage, isAdmin } from '../auth/caller';
import type { EmailVerifier } from '../auth/email-verifier';
import type { PasswordHasher } from '../auth/password-hasher';
import type { PasswordBreachChecker } from '../auth/password-breach-checker';
import { refuseBreachedPassword } from '../auth/breached-password';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { ForbiddenError } from '../http/errors';
import { UserNotFoundError } from './user.errors';
import type { ListQuery, User, UserRepository } from './user.repository';
import type { CreateUserBody, UpdateUserBody } from './user.schemas';

export interface UserServiceDeps {
  db: Database;
  users: UserRepository;
  verifications: EmailVerifier;
  passwords: PasswordHasher;
  breachChecker: PasswordBreachChecker;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** Who may read and change which user; the routes only translate HTTP to these calls. */
export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  async list(query: ListQuery) {
    const { items, total } = await this.deps.users.list(query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<User> {
    const user = await this.deps.users.findById(id);
    if (!user) throw new UserNotFoundError();
    return user;
  }

  /** An admin's shortcut past registration; an unverified user still gets the email. */
  async create(caller: Caller, input: CreateUserBody): Promise<User> {
    const { db, users, verifications, passwords, breachChecker, clock, log } = this.deps;
    const { password, ...fields } = input;
    await refuseBreachedPassword(breachChecker, password);
    const passwordHash = await passwords.hash(password);
    const user = await db.transaction(async (tx) => {
      const created = await users.create({ ...fields, passwordHash, createdAt: clock.now() }, tx);
      if (!created.emailVerified) await verifications.start(created, tx);
      return created;
    });
    log.info({ event: 'user_created', userId: user.id, by: caller.id });
    return user;
  }

  async update(caller: Caller, id: string, changes: UpdateUserBody): Promise<User> {
    assertMayChange(caller, id, changes);
    const { db, users, verifications, clock } = this.deps;
    return db.transaction(async (tx) => {
      const current = await users.findById(id, tx);
      if (!current) throw new UserNotFoundError();
      const emailChanged = changes.email !== undefined && changes.email !== current.email;
      const reset = emailChanged ? { emailVerified: false } : {};
      const updated = await users.update(id, { ...changes, ...reset, updatedAt: clock.now() }, tx);
      if (!updated) throw new UserNotFoundError();
      if (emailChanged) await verifications.restart(updated, tx);
      return updated;
    });
  }

  async remove(caller: Caller, id: string): Promise<void> {
    assertMayChange(caller, id, {});
    if (!(await this.deps.users.delete(id))) throw new UserNotFoundError();
    this.deps.log.info({ event: 'user_deleted', userId: id, by: caller.id });
  }
}

function assertMayChange(caller: Caller, id: string, changes: UpdateUserBody): void {
  ensureCanManage(caller, id);
  if (changes.role === undefined) return;
  if (!isAdmin(caller)) throw new ForbiddenError('Only an admin can change a role.');
  if (caller.id === id && changes.role !== caller.role)
    throw new ForbiddenError('An admin cannot change their own role.');
}
