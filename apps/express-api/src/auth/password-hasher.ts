import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of a verify when there is no user, so timing does not reveal emails. */
  verifyNothing(password: string): Promise<false>;
}

/**
 * Argon2id (the library's default algorithm) with the cost from configuration: the real
 * cost in production, the minimum in tests, which is what keeps the suites fast.
 */
export function createPasswordHasher(cost: AppConfig['passwordHashing']): PasswordHasher {
  let dummy: Promise<string> | undefined;
  const hashPassword = (password: string) => hash(password, cost);
  return {
    hash: hashPassword,
    verify: (passwordHash, password) => verify(passwordHash, password),
    verifyNothing: async (password) => {
      dummy ??= hashPassword('a password nobody has');
      await verify(await dummy, password);
      return false;
    },
  };
}
