import { randomUUID } from 'node:crypto';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { violatedUniqueConstraint } from '../db/unique-violation';
import { UserEntity, type Role } from '../db/user.entity';
import { EmailTakenError } from './user.errors';

export type { Role };

/** A user as the services see it: a plain object, not a TypeORM entity. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  role: Role;
  emailVerified: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewUser = Omit<UserRecord, 'id' | 'updatedAt'>;
export type UserChanges = Partial<Pick<UserRecord, 'name' | 'email' | 'role' | 'emailVerified'>> & {
  updatedAt: Date;
};

export interface UserFilter {
  role?: Role | undefined;
  emailVerified?: boolean | undefined;
  limit: number;
  offset: number;
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

const toRecord = (entity: UserEntity): UserRecord => ({
  id: entity.id,
  name: entity.name,
  email: entity.email,
  passwordHash: entity.passwordHash,
  role: entity.role,
  emailVerified: entity.emailVerified,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});

function translateWriteError(error: unknown): unknown {
  return violatedUniqueConstraint(error) === 'users_email_key' ? new EmailTakenError() : error;
}

/** Users table access. Emails are stored lower-cased and looked up case-insensitively. */
export class UserRepository {
  constructor(private readonly manager: EntityManager) {}

  private get table() {
    return this.manager.getRepository(UserEntity);
  }

  async create(input: NewUser): Promise<UserRecord> {
    const row = {
      ...input,
      id: randomUUID(),
      email: normalizeEmail(input.email),
      updatedAt: input.createdAt,
    };
    await this.table.insert(row).catch((error: unknown) => {
      throw translateWriteError(error);
    });
    return { ...row };
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const entity = await this.table.findOneBy({ id });
    return entity ? toRecord(entity) : undefined;
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const entity = await this.table.findOneBy({ email: normalizeEmail(email) });
    return entity ? toRecord(entity) : undefined;
  }

  async update(id: string, changes: UserChanges): Promise<UserRecord | undefined> {
    const values =
      changes.email === undefined ? changes : { ...changes, email: normalizeEmail(changes.email) };
    await this.table.update({ id }, values).catch((error: unknown) => {
      throw translateWriteError(error);
    });
    return this.findById(id);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.table.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  async list(filter: UserFilter): Promise<{ items: UserRecord[]; total: number }> {
    const where: FindOptionsWhere<UserEntity> = {};
    if (filter.role !== undefined) where.role = filter.role;
    if (filter.emailVerified !== undefined) where.emailVerified = filter.emailVerified;
    const [entities, total] = await this.table.findAndCount({
      where,
      // Stryker disable next-line StringLiteral: equivalent, TypeORM reads a direction other than DESC as ascending
      order: { createdAt: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: entities.map(toRecord), total };
  }
}
