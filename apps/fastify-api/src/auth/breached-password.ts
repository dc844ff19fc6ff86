import { ValidationError } from '../http/errors';
import type { PasswordBreachChecker } from './password-breach-checker';

export const BREACHED_PASSWORD =
  'This password has appeared in a data breach, so attackers try it first: choose another.';

/**
 * A 400 with a field error on `password` when it is in a known breach. Called after the cheap
 * checks (validation, rate limits, who may do this) and before the costly Argon2 hash.
 */
export async function refuseBreachedPassword(
  checker: PasswordBreachChecker,
  password: string,
): Promise<void> {
  if (await checker.isBreached(password))
    throw new ValidationError([{ path: 'password', message: BREACHED_PASSWORD }]);
}
