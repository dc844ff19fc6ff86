import type { FastifyBaseLogger } from 'fastify';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Repositories } from '../db/database.plugin';

/**
 * On start: a verified admin with ADMIN_EMAIL exists afterwards. Created when missing,
 * promoted and verified when it exists; its password is left as it is.
 */
export async function ensureAdmin(
  admin: NonNullable<Config['admin']>,
  deps: { repos: Repositories; hasher: PasswordHasher; clock: Clock; logger: FastifyBaseLogger },
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
    logger.info({ event: 'admin_created', userId: user.id }, 'admin created');
    return;
  }
  if (existing.role !== 'admin' || !existing.emailVerified) {
    const changes = { role: 'admin' as const, emailVerified: true, updatedAt: clock.now() };
    await repos.users.update(existing.id, changes);
    logger.info({ event: 'admin_promoted', userId: existing.id }, 'admin promoted');
  }
}
