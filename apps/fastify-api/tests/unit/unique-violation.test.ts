// Unit tests: which write errors the user repository may turn into EmailTakenError (a 409).
// The repository suite shows the real unique violation; these pin what must stay another error.
import { DrizzleQueryError } from 'drizzle-orm';
import { isUniqueViolation } from '../../src/db/unique-violation';

const pgError = (fields: { code: string; constraint?: string }) =>
  Object.assign(new Error('from PostgreSQL'), fields);

const failedQuery = (fields: { code: string; constraint?: string }) =>
  new DrizzleQueryError('insert into …', [], pgError(fields));

describe('isUniqueViolation', () => {
  it('is true for a unique violation of the named constraint that the ORM reports', () => {
    const error = failedQuery({ code: '23505', constraint: 'users_email_unique' });

    expect(isUniqueViolation(error, 'users_email_unique')).toBe(true);
  });

  it.each([
    [
      'a unique violation of another constraint',
      failedQuery({ code: '23505', constraint: 'users_pkey' }),
    ],
    [
      'a foreign key violation on a constraint of that name',
      failedQuery({ code: '23503', constraint: 'users_email_unique' }),
    ],
    ['a refused connection', pgError({ code: 'ECONNREFUSED' })],
    ['a value that is not an error', 'text'],
  ])('is false for %s', (_case, error) => {
    expect(isUniqueViolation(error, 'users_email_unique')).toBe(false);
  });
});
