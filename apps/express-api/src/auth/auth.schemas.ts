import { z } from 'zod';
import {
  emailField,
  isStorableText,
  isWellFormed,
  nameField,
  passwordField,
} from '../users/user.schemas';

export const registerBody = z.strictObject({
  name: nameField,
  email: emailField,
  password: passwordField,
});
export type RegisterInput = z.output<typeof registerBody>;

export const verifyEmailBody = z.strictObject({
  token: z.string().min(1, 'Must not be empty.').max(512),
});

// Login checks only the shape: a wrong email or password is a 401, never a hint.
export const loginBody = z.strictObject({
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
export type LoginInput = z.output<typeof loginBody>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
