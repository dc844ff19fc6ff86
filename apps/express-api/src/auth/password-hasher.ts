import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of a verify when there is no user, so timing does not reveal emails. */
  verifyNothing(password: string): Promise<false>;
}

/**
 * One password, one string: "é" typed as one code point or as "e" plus an accent is the same
 * to the person typing it, so both are hashed and checked in NFC (NIST SP 800-63B, 5.1.1.2).
 */
const normalized = (password: string) => password.normalize('NFC');

/**
 * Argon2id (the library's default algorithm) with the cost from configuration: the real
 * cost in production, the minimum in tests, which is what keeps the suites fast.
 */
export function createPasswordHasher(cost: AppConfig['passwordHashing']): PasswordHasher {
  let dummy: Promise<string> | undefined;
  const hashPassword = (password: string) => hash(normalized(password), cost);
  return {
    hash: hashPassword,
    verify: (passwordHash, password) => verify(passwordHash, normalized(password)),
    // Stryker disable all: equivalent, timing only: an unknown email is turned away whatever this
    // does; it runs a real check so that the answer takes as long as for a known email
    verifyNothing: async (password) => {
      dummy ??= hashPassword('a password nobody has');
      await verify(await dummy, password);
      return false;
    },
    // Stryker restore all
  };
}
