import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config';

/**
 * Argon2id (the library's default algorithm; its enum is a const enum that isolated modules
 * cannot name) with the cost from configuration: high in production, as low as it goes in tests.
 */
export class PasswordHasher {
  constructor(private readonly cost: Config['passwords']) {}

  hash(password: string): Promise<string> {
    return hash(password, { ...this.cost, parallelism: 1 });
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }
}
