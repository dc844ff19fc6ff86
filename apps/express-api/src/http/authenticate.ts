import type { Request, RequestHandler } from 'express';
import type { AccessTokens } from '../auth/access-tokens';
import type { UserRepository, UserRecord } from '../users/user.repository';
import { UnauthorizedError } from './errors';

const callers = new WeakMap<Request, UserRecord>();

function bearerToken(header: string | undefined): string {
  if (header === undefined) throw new UnauthorizedError();
  const match = /^Bearer +([^\s]+)$/i.exec(header);
  if (!match?.[1])
    throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

/**
 * Requires a valid access token and loads its user from the database on every request, so
 * a deleted user is refused and a role change applies at once.
 */
export function authenticate(tokens: AccessTokens, users: UserRepository): RequestHandler {
  return async (req, _res, next) => {
    const userId = await tokens.verify(bearerToken(req.headers.authorization));
    const user = await users.findById(userId);
    if (!user) throw new UnauthorizedError('The access token is invalid or has expired.');
    callers.set(req, user);
    next();
  };
}

/** The signed-in user of a request that went through `authenticate`. */
export function callerOf(req: Request): UserRecord {
  const caller = callers.get(req);
  if (!caller) throw new UnauthorizedError();
  return caller;
}
