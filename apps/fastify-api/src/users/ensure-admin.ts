import type { FastifyBaseLogger } from 'fastify';
import type { PasswordBreachChecker } from '../auth/password-breach-checker';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Repositories } from '../db/database.plugin';

/**
 * ADMIN_EMAIL names an account that is not an admin. Anyone can register any address, so
 * promoting it would hand the admin role to whoever registered first, with their password.
 */
export class AdminEmailTakenError extends Error {
  override name = 'AdminEmailTakenError';
  constructor() {
    super(
      'ADMIN_EMAIL belongs to an account that is not an admin, and start-up never promotes one: ' +
        'set ADMIN_EMAIL to an address nobody has registered, or, if that account is yours, ' +
        'make it an admin yourself and start again',
    );
  }
}

/**
 * ADMIN_PASSWORD is in a known breach: attackers try those first, and this account can do
 * anything. Registration refuses such a password with a 400; start-up has nobody to answer, so
 * it stops. When the check cannot answer, start-up goes on, as registration does.
 */
export class AdminPasswordBreachedError extends Error {
  override name = 'AdminPasswordBreachedError';
  constructor() {
    super(
      'ADMIN_PASSWORD has appeared in a data breach (Pwned Passwords), so attackers try it ' +
        'first: set another and start again',
    );
  }
}

const UNVERIFIED =
  'the ADMIN_EMAIL admin has not verified its email address: it can sign in once it follows ' +
  'the link in its verification email';

/**
 * On start: creates the admin named by ADMIN_EMAIL, verified, when nobody has the address.
 * An existing account is never changed: an admin is kept as it is (its password, and its
 * verification, which only its mailbox can give), any other stops the start. A breached
 * ADMIN_PASSWORD stops the start before anything is written.
 */
export async function ensureAdmin(
  admin: NonNullable<Config['admin']>,
  deps: {
    repos: Repositories;
    hasher: PasswordHasher;
    breachChecker: PasswordBreachChecker;
    clock: Clock;
    logger: FastifyBaseLogger;
  },
): Promise<void> {
  const { repos, hasher, breachChecker, clock, logger } = deps;
  const existing = await repos.users.findByEmail(admin.email);
  if (!existing) {
    if (await breachChecker.isBreached(admin.password)) throw new AdminPasswordBreachedError();
    const passwordHash = await hasher.hash(admin.password);
    const user = await repos.users.create({
      name: admin.name,
      email: admin.email,
      passwordHash,
      role: 'admin',
      emailVerified: true,
      createdAt: clock.now(),
    });
    logger.info({ event: 'admin_created', userId: user.id });
    return;
  }
  if (existing.role !== 'admin') throw new AdminEmailTakenError();
  if (!existing.emailVerified) {
    logger.warn({ event: 'admin_unverified', userId: existing.id }, UNVERIFIED);
  }
}
