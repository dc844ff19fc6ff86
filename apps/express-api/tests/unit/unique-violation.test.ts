// Unit tests: which write errors the user repository may turn into EmailTakenError (a 409).
// The repository suite shows the real unique violation; these pin what must stay another error.
import { QueryFailedError } from 'typeorm';
import { violatedUniqueConstraint } from '../../src/db/unique-violation';

const pgError = (fields: { code: string; constraint?: string }) =>
  Object.assign(new Error('from PostgreSQL'), fields);

const failedQuery = (fields: { code: string; constraint?: string }) =>
  new QueryFailedError('INSERT INTO …', [], pgError(fields));

describe('violatedUniqueConstraint', () => {
  it('names the constraint of a unique violation the ORM reports', () => {
    const error = failedQuery({ code: '23505', constraint: 'users_email_key' });

    expect(violatedUniqueConstraint(error)).toBe('users_email_key');
  });

  it.each([
    [
      'a foreign key violation, which names a constraint too',
      failedQuery({ code: '23503', constraint: 'email_verifications_user_id_fkey' }),
    ],
    ['a refused connection, which the ORM does not wrap', pgError({ code: 'ECONNREFUSED' })],
    ['a value that is not an error', 'text'],
  ])('is undefined for %s', (_case, error) => {
    expect(violatedUniqueConstraint(error)).toBeUndefined();
  });
});
