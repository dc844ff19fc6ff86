import type { PasswordHasher } from '../auth/password-hasher';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Repositories } from '../db/database';
import type { Logger } from '../logger';

/**
 * On start: a verified admin with ADMIN_EMAIL exists afterwards. Created when missing,
 * promoted and verified when it exists; its password is left as it is.
 */
export async function ensureAdmin(
  admin: NonNullable<Config['admin']>,
  deps: { repos: Repositories; hasher: PasswordHasher; clock: Clock; logger: Logger },
): Promise<void> {
  const { repos, hasher, clock, logger } = deps;
  const existing = await repos.users.findByEmail(admin.email);
  if (!existing) {
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
  if (existing.role !== 'admin' || !existing.emailVerified) {
    await repos.users.update(existing.id, {
      role: 'admin',
      emailVerified: true,
      updatedAt: clock.now(),
    });
    logger.info({ event: 'admin_promoted', userId: existing.id });
  }
}
