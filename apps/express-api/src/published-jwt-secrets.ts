import { createHash, randomBytes } from 'node:crypto';

/**
 * SHA-256 digests of the JWT secrets this repository has published: its old development
 * fallbacks, its test configurations' secrets (listed in plain text, with where each came
 * from, in packages/contract-tests/src/published-secrets.ts). Anyone can sign a token with
 * them, so production refuses them. Digests rather than the values, so that the app's
 * source holds no usable secret.
 */
const PUBLISHED_DIGESTS = new Set([
  'fe56e5c8c0f21d9b67594a7524d31ab45126bef495e716a57e2f062d529cca46',
  '36620796abfc961346babb2e52970263066bf2764c43c11bbf63a42faeca14d7',
  '42ab8d687cd7bba13324a450b8992e2c23cb530bacdc50fa5f227d611fa8e53d',
  '997a24f3526497336dec5a27a6778e9355cced88776a01630e3b5fe8c73f38e1',
  '75df06051d74ad13693454bba2133151d2fa119b1521e4acf71494f19bf8364d',
  'baa7943ba7137365b7e9d781abea75de35c95fae13a2bcc2ed64f901bc7d44e5',
]);

export const isPublishedSecret = (secret: string): boolean =>
  PUBLISHED_DIGESTS.has(createHash('sha256').update(secret).digest('hex'));

/** 256 bits, as much as HS256's own output: a secret nobody else can know. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');
