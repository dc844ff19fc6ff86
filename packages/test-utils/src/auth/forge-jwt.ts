import { createHmac } from 'node:crypto';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface ForgeJwtOptions {
  payload: Record<string, unknown>;
  /** Signs with HMAC-SHA256 when given; without it the token has an empty signature. */
  secret?: string;
  /** Merged over `{ alg: 'HS256', typ: 'JWT' }`; `{ alg: 'none' }` makes an unsigned token. */
  header?: Record<string, unknown>;
}

/**
 * Makes any JWT, valid or not, without the app's code: expired, wrong issuer, `alg: none`,
 * signed with another secret. Auth tests use it to prove the app refuses each one.
 */
export function forgeJwt({ payload, secret, header = {} }: ForgeJwtOptions): string {
  const content = `${encode({ alg: 'HS256', typ: 'JWT', ...header })}.${encode(payload)}`;
  const signature =
    secret === undefined ? '' : createHmac('sha256', secret).update(content).digest('base64url');
  return `${content}.${signature}`;
}

/** Seconds since the epoch, as JWT's `iat` and `exp` count them. */
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
