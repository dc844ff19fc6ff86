import type { User } from '../users/user.repository';

/** The signed-in user, as read from the database on this request. */
export type Caller = Pick<User, 'id' | 'role'>;

export const isAdmin = (caller: Caller) => caller.role === 'admin';
