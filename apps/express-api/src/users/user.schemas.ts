import { z } from 'zod';

// UTF-8 cannot encode a lone surrogate: the driver would store, and the password hasher
// hash, U+FFFD instead, so two different strings would become one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);
const WELL_FORMED_MESSAGE = 'Must not contain unpaired surrogate characters.';
// PostgreSQL text cannot hold NUL either (the insert fails): both are refused as invalid input.
export const isStorableText = (value: string) => !value.includes('\u0000') && isWellFormed(value);
const STORABLE_MESSAGE = 'Must not contain NUL or unpaired surrogate characters.';

// Request fields, shared by the auth and users routes.
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, 'At most 320 characters.')
  .check(z.email({ message: 'Must be a valid email address.' }));
export const nameField = z
  .string()
  .trim()
  .min(1, 'Must not be empty.')
  .max(100, 'At most 100 characters.')
  .refine(isStorableText, STORABLE_MESSAGE);
export const passwordField = z
  .string()
  .min(8, 'At least 8 characters.')
  .max(128, 'At most 128 characters.')
  .refine(isWellFormed, WELL_FORMED_MESSAGE);
export const roleField = z.enum(['user', 'admin']);

export const createUserBody = z.strictObject({
  name: nameField,
  email: emailField,
  password: passwordField,
  role: roleField.default('user'),
  emailVerified: z.boolean().default(false),
});
export type CreateUserInput = z.output<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    name: nameField.optional(),
    email: emailField.optional(),
    role: roleField.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'At least one field is required.');
export type UserChangesInput = z.output<typeof updateUserBody>;

const limit = z.coerce.number().int('Must be an integer.').min(1).max(100).default(20);
const offset = z.coerce.number().int('Must be an integer.').min(0).default(0);

export const pageQuery = z.object({ limit, offset });
export type PageQuery = z.output<typeof pageQuery>;

export const adminUsersQuery = z.object({
  limit,
  offset,
  role: roleField.optional(),
  emailVerified: z
    .enum(['true', 'false'], 'Must be true or false.')
    .transform((value) => value === 'true')
    .optional(),
});
export type AdminUsersQuery = z.output<typeof adminUsersQuery>;

// Response shapes: what the routes send, and what /openapi.json documents.
export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.email(),
  role: roleField,
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

export const userSummarySchema = userSchema.pick({ id: true, name: true });
export type UserSummary = z.infer<typeof userSummarySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
