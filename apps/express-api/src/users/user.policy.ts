import { ForbiddenError } from '../http/errors';
import type { UserRecord } from './user.repository';

export const isAdmin = (caller: UserRecord) => caller.role === 'admin';

/** Self or admin. Checked before the record is looked up, so a 403 reveals nothing. */
export function ensureCanManage(caller: UserRecord, userId: string): void {
  if (caller.id !== userId && !isAdmin(caller)) {
    throw new ForbiddenError('You can only change your own account.');
  }
}

export function ensureAdmin(caller: UserRecord): void {
  if (!isAdmin(caller)) throw new ForbiddenError('This needs the admin role.');
}
