import type { UserRecord } from './user.repository';
import type { User, UserSummary } from './user.schemas';

/** The public shape of a user: never the password hash. */
export const toUser = (record: UserRecord): User => ({
  id: record.id,
  name: record.name,
  email: record.email,
  role: record.role,
  emailVerified: record.emailVerified,
  createdAt: record.createdAt.toISOString(),
  updatedAt: record.updatedAt.toISOString(),
});

export const toUserSummary = (record: UserRecord): UserSummary => ({
  id: record.id,
  name: record.name,
});
