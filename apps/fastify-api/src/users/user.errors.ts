import { ConflictError, NotFoundError } from '../http/errors';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('A user with this email already exists.');
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('No user with this id.');
  }
}
