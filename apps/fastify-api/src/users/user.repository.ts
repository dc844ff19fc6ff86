import { and, asc, eq, type SQL } from 'drizzle-orm';
import { onlyRow, type Database, type Executor } from '../db/database';
import { users, USERS_EMAIL_UNIQUE, type UserRow } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { EmailTakenError } from './user.errors';

export type User = UserRow;
export type Role = User['role'];

export interface NewUser {
  name: string;
  email: string;
  passwordHash: string;
  role?: Role;
  emailVerified?: boolean;
  createdAt: Date;
}

export type UserChanges = Partial<Pick<User, 'name' | 'email' | 'role' | 'emailVerified'>> & {
  updatedAt: Date;
};

export interface UserFilter {
  role?: Role | undefined;
  emailVerified?: boolean | undefined;
}

export interface Paging {
  limit: number;
  offset: number;
}

export type ListQuery = Paging & UserFilter;

const normalizeEmail = (email: string) => email.trim().toLowerCase();

async function translateErrors<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (isUniqueViolation(error, USERS_EMAIL_UNIQUE)) throw new EmailTakenError();
    throw error;
  }
}

function whereOf(filter: UserFilter): SQL | undefined {
  return and(
    filter.role === undefined ? undefined : eq(users.role, filter.role),
    filter.emailVerified === undefined ? undefined : eq(users.emailVerified, filter.emailVerified),
  );
}

/**
 * Users in the database, as plain objects. Each method runs on the database, or on the
 * transaction passed as its last argument. Emails are stored lower-cased, so every lookup
 * by email is case-insensitive.
 */
export class UserRepository {
  constructor(private readonly db: Database) {}

  async create(user: NewUser, tx: Executor = this.db): Promise<User> {
    const values = { ...user, email: normalizeEmail(user.email), updatedAt: user.createdAt };
    return onlyRow(await translateErrors(tx.insert(users).values(values).returning()));
  }

  async findById(id: string, tx: Executor = this.db): Promise<User | undefined> {
    const [user] = await tx.select().from(users).where(eq(users.id, id));
    return user;
  }

  async findByEmail(email: string, tx: Executor = this.db): Promise<User | undefined> {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(email)));
    return user;
  }

  async update(
    id: string,
    changes: UserChanges,
    tx: Executor = this.db,
  ): Promise<User | undefined> {
    const values =
      changes.email === undefined ? changes : { ...changes, email: normalizeEmail(changes.email) };
    const [updated] = await translateErrors(
      tx.update(users).set(values).where(eq(users.id, id)).returning(),
    );
    return updated;
  }

  async delete(id: string, tx: Executor = this.db): Promise<boolean> {
    const deleted = await tx.delete(users).where(eq(users.id, id)).returning({ id: users.id });
    return deleted.length > 0;
  }

  /** One page, oldest first (then by id, so pages never overlap), and the total that match. */
  async list({ limit, offset, ...filter }: ListQuery, tx: Executor = this.db) {
    const where = whereOf(filter);
    const [items, total] = await Promise.all([
      tx
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(limit)
        .offset(offset),
      tx.$count(users, where),
    ]);
    return { items, total };
  }
}
