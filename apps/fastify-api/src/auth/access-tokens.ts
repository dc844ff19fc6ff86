import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { InvalidAccessTokenError } from './auth.errors';

const ALGORITHM = 'HS256';
// The user is looked up by this id: anything else (a number, an array holding an id) is refused.
const subject = z.guid();
const toEpochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** HS256 JWTs whose subject is the user id; verification pins the algorithm, issuer and audience. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    private readonly settings: Config['jwt'],
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(settings.secret);
  }

  async issue(userId: string): Promise<{ token: string; expiresIn: number }> {
    const issuedAt = toEpochSeconds(this.clock.now());
    const token = await new SignJWT()
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.settings.ttlSeconds)
      .sign(this.key);
    return { token, expiresIn: this.settings.ttlSeconds };
  }

  /** The user id in a valid token; any fault (signature, alg, expiry, iss, aud) is a 401. */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp'],
      });
      return subject.parse(payload.sub);
    } catch {
      throw new InvalidAccessTokenError();
    }
  }
}
