import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import { UnauthorizedError } from '../http/errors';

export interface AccessTokens {
  issue(userId: string): Promise<{ token: string; expiresIn: number }>;
  /** The user id in a valid token; a 401 for anything else. */
  verify(token: string): Promise<string>;
}

const subject = z.guid();

/** HS256 JWTs: the algorithm is pinned, issuer and audience checked, time from the clock. */
export function createAccessTokens(config: AppConfig['jwt'], clock: Clock): AccessTokens {
  const key = new TextEncoder().encode(config.secret);
  const epochSeconds = () => Math.floor(clock.now().getTime() / 1000);
  return {
    issue: async (userId) => {
      const now = epochSeconds();
      const token = await new SignJWT()
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(config.issuer)
        .setAudience(config.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + config.ttlSeconds)
        .sign(key);
      return { token, expiresIn: config.ttlSeconds };
    },
    verify: async (token) => {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: config.issuer,
        audience: config.audience,
        currentDate: clock.now(),
        requiredClaims: ['sub', 'exp'],
      }).catch(() => {
        throw new UnauthorizedError('The access token is invalid or has expired.');
      });
      const userId = subject.safeParse(payload.sub);
      if (!userId.success)
        throw new UnauthorizedError('The access token is invalid or has expired.');
      return userId.data;
    },
  };
}
