import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The constraint a taken email violates: the users repository answers it with 409. */
export const USERS_EMAIL_UNIQUE = 'users_email_unique';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

// A column's SQL name is its key unless one is given: the camelCase keys name theirs.
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // Stored lower-cased by the repository, so a plain unique index is case-insensitive.
    email: text().notNull().unique(USERS_EMAIL_UNIQUE),
    passwordHash: text('password_hash').notNull(),
    // Stryker disable next-line ObjectLiteral,ArrayDeclaration,StringLiteral: the enum types the column for TypeScript only; the check below holds it in the database
    role: text({ enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    emailVerified: boolean('email_verified').notNull().default(false),
    ...timestamps,
  },
  (table) => [
    check('users_role_check', sql`${table.role} in ('user', 'admin')`),
    index('users_created_at_id_idx').on(table.createdAt, table.id),
  ],
);

export const emailVerifications = pgTable(
  'email_verifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // sha256 of the token: the token itself exists only in the email.
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('email_verifications_user_id_idx').on(table.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    clientIp: text('client_ip').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('login_attempts_email_ip_time_idx').on(table.email, table.clientIp, table.attemptedAt),
    // The throttle's rule per client across emails, and pruning by age alone.
    index('login_attempts_ip_time_idx').on(table.clientIp, table.attemptedAt),
    index('login_attempts_time_idx').on(table.attemptedAt),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type EmailVerificationRow = typeof emailVerifications.$inferSelect;
