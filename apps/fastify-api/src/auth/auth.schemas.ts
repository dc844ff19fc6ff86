import { z } from 'zod';
import {
  EmailSchema,
  isStorableText,
  isWellFormed,
  NameSchema,
  PasswordSchema,
} from '../users/user.schemas';

export const RegisterBodySchema = z.strictObject({
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
});

export const VerifyEmailBodySchema = z.strictObject({
  token: z.string().min(1, 'Must not be empty.').max(512),
});

// Login checks no more than it must: a malformed email is just a wrong one.
export const LoginBodySchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Must not be empty.')
    .max(320)
    .refine(isStorableText, 'Must not contain NUL or unpaired surrogate characters.'),
  password: z
    .string()
    .min(1, 'Must not be empty.')
    .max(1024)
    .refine(isWellFormed, 'Must not contain unpaired surrogate characters.'),
});

export const AccessTokenSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('bearer'),
    expires_in: z.number().int(),
  })
  .meta({ id: 'AccessToken' });
