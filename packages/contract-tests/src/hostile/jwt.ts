// Signing any JWT the way the apps' tests configure them, for the token properties.
import { createHmac } from 'node:crypto';
import { epochSeconds } from '@testbed/test-utils';
import { TEST_JWT_SECRET } from './response-checks';

// Both apps' test issuer and audience (apps/*/tests/helpers/test-config.ts).
export const ISSUER = 'testbed';
export const AUDIENCE = 'testbed-api';

export const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (content: string, secret: string, hash = 'sha256') =>
  createHmac(hash, secret).update(content).digest('base64url');

/** A JWT from any header and payload, HMAC-signed; `unsigned` leaves the signature empty. */
export function signJwt(
  header: unknown,
  payload: unknown,
  { secret = TEST_JWT_SECRET, hash = 'sha256', unsigned = false } = {},
): string {
  const content = `${encode(header)}.${encode(payload)}`;
  return `${content}.${unsigned ? '' : hmac(content, secret, hash)}`;
}

/** Whom a token is for and when it is sent: the suite's real user and the app's clock. */
export interface TokenTarget {
  userId: string;
  now: Date;
}

/** The claims the apps accept: right subject, issuer, audience, in date. */
export const validClaims = ({ userId, now }: TokenTarget) => ({
  sub: userId,
  iss: ISSUER,
  aud: AUDIENCE,
  iat: epochSeconds(now),
  exp: epochSeconds(now) + 600,
});
