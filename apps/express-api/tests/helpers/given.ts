import { createSequence, defineFactory, type FakeClock } from '@testbed/test-utils';
import type { AccessTokens } from '../../src/auth/access-tokens';
import type { PasswordHasher } from '../../src/auth/password-hasher';
import type { Repositories } from '../../src/db/database';
import type { Role, UserRecord } from '../../src/users/user.repository';

export interface UserAttributes {
  name: string;
  email: string;
  password: string;
  role: Role;
  emailVerified: boolean;
}

/** A user in the database, with its password and a valid access token. */
export interface GivenUser extends UserRecord {
  password: string;
  token: string;
}

export const DEFAULT_PASSWORD = 'correct horse battery staple';

interface GivenDeps {
  repos: Repositories;
  hasher: PasswordHasher;
  tokens: AccessTokens;
  clock: FakeClock;
}

/**
 * The domain's test data: `given.user()`, `given.admin()`, `given.unverifiedUser()`. Each
 * call writes a new user with unique values through the repository, one second after the
 * previous one (so lists have a known order), and signs it in the app's way.
 */
export function createGiven({ repos, hasher, tokens, clock }: GivenDeps) {
  const sequence = createSequence();
  let defaultHash: Promise<string> | undefined;
  const hashOf = (password: string) =>
    password === DEFAULT_PASSWORD ? (defaultHash ??= hasher.hash(password)) : hasher.hash(password);

  const users = defineFactory<UserAttributes, GivenUser>({
    sequence,
    defaults: (seq) => ({
      name: seq.name(),
      email: seq.email(),
      password: DEFAULT_PASSWORD,
      role: 'user',
      emailVerified: true,
    }),
    // #region persist-user
    persist: async ({ password, ...attributes }) => {
      const saved = await repos.users.create({
        ...attributes,
        passwordHash: await hashOf(password),
        createdAt: clock.advance({ seconds: 1 }),
      });
      const { token } = await tokens.issue(saved.id);
      return { ...saved, password, token };
    },
    // #endregion
  });

  return {
    users,
    /** Valid attributes for a request body, nothing written. */
    attributes: (overrides: Partial<UserAttributes> = {}) => users.build(overrides),
    user: (overrides: Partial<UserAttributes> = {}) => users.create(overrides),
    admin: (overrides: Partial<UserAttributes> = {}) =>
      users.create({ role: 'admin', ...overrides }),
    unverifiedUser: (overrides: Partial<UserAttributes> = {}) =>
      users.create({ emailVerified: false, ...overrides }),
    /** A fresh, unused email address. */
    email: (label?: string) => sequence.email(label),
  };
}

export type Given = ReturnType<typeof createGiven>;
