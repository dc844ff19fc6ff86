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
export const NameSchema = z
  .string()
  .trim()
  .min(1, 'Must not be empty.')
  .max(100, 'At most 100 characters.')
  .refine(isStorableText, STORABLE_MESSAGE);
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, 'At most 320 characters.')
  .check(z.email({ message: 'Must be a valid email address.' }));
export const PasswordSchema = z
  .string()
  .min(8, 'At least 8 characters.')
  .max(128, 'At most 128 characters.')
  .refine(isWellFormed, WELL_FORMED_MESSAGE);
export const RoleSchema = z.enum(['user', 'admin']);

// Any 8-4-4-4-12 hex string, as PostgreSQL's uuid type takes it, in the lower case the database
// returns: compared as written, `ABC…` would not be the caller's own `abc…` (docs/hardening/security.md).
export const UserIdParamsSchema = z.object({ id: z.guid('Must be a UUID.').toLowerCase() });

export const PagingQuerySchema = z.object({
  limit: z.coerce.number().int('Must be an integer.').min(1).max(100).default(20),
  offset: z.coerce.number().int('Must be an integer.').min(0).default(0),
});

const booleanString = z
  .enum(['true', 'false'], 'Must be true or false.')
  .transform((value) => value === 'true');

export const AdminUserQuerySchema = PagingQuerySchema.extend({
  role: RoleSchema.optional(),
  emailVerified: booleanString.optional(),
});

export const CreateUserBodySchema = z.strictObject({
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  role: RoleSchema.default('user'),
  emailVerified: z.boolean().default(false),
});

export const UpdateUserBodySchema = z
  .strictObject({
    name: NameSchema.optional(),
    email: EmailSchema.optional(),
    role: RoleSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'At least one field is required.');

// Response shapes: whatever a handler returns, only these fields are sent.
export const UserSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.email(),
    role: RoleSchema,
    emailVerified: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

export const UserSummarySchema = z
  .object({ id: z.uuid(), name: z.string() })
  .meta({ id: 'UserSummary' });

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;
export type UserResponse = z.infer<typeof UserSchema>;
export type UserSummary = z.infer<typeof UserSummarySchema>;
