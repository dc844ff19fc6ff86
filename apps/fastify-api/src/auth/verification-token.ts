import { createHash, randomBytes } from 'node:crypto';

/** What the database keeps instead of the token. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/**
 * 256 random bits, URL-safe: the token goes into the email and nowhere else; its hash is
 * what the database keeps.
 */
export function newVerificationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}
