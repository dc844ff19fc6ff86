import { ConflictError } from '../http/errors';

/** The repository's translation of a unique violation on users.email. */
export class EmailTakenError extends ConflictError {
  constructor() {
    super('A user with this email already exists.');
  }
}
