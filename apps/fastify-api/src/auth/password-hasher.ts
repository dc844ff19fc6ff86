import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config';

/**
 * One password, one string: "é" typed as one code point or as "e" plus an accent is the same
 * to the person typing it, so both are hashed and checked in NFC (NIST SP 800-63B, 5.1.1.2).
 */
const normalized = (password: string) => password.normalize('NFC');

/**
 * Argon2id (the library's default algorithm; its enum is a const enum that isolated modules
 * cannot name) with the cost from configuration: high in production, as low as it goes in tests.
 */
export class PasswordHasher {
  constructor(private readonly cost: Config['passwords']) {}

  hash(password: string): Promise<string> {
    return hash(normalized(password), { ...this.cost, parallelism: 1 });
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, normalized(password));
  }
}
