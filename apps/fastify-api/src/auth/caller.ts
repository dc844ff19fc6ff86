import { ForbiddenError } from '../http/errors';
import type { User } from '../users/user.repository';

/** The signed-in user, as read from the database on this request. */
export type Caller = Pick<User, 'id' | 'role'>;

export const isAdmin = (caller: Caller) => caller.role === 'admin';

/** Self or admin. Checked before the record is looked up, so a 403 reveals nothing. */
export function ensureCanManage(caller: Caller, userId: string): void {
  if (caller.id !== userId && !isAdmin(caller))
    throw new ForbiddenError('You can only change your own account.');
}
