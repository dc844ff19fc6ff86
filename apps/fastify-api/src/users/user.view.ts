import type { User } from './user.repository';
import type { UserResponse, UserSummary } from './user.schemas';

/**
 * The public shapes of a user, made field by field from a database row: a route hands Fastify
 * these, never the row, so the password hash never depends on a response schema to be dropped.
 */
export const toUser = (record: User): UserResponse => ({
  id: record.id,
  name: record.name,
  email: record.email,
  role: record.role,
  emailVerified: record.emailVerified,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});

export const toUserSummary = (record: User): UserSummary => ({
  id: record.id,
  name: record.name,
});
