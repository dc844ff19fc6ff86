// Unit tests: which database errors become a 503. The fault suite shows the real ones
// (docs/hardening/faults.md); these pin the rule, including what must stay a 500 or a 409.
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/db/database-unavailable';

const pgError = (code: string, message = 'from PostgreSQL') =>
  Object.assign(new Error(message), { code });

/** The error inside `times` others, each holding the one within as its cause. */
const wrapped = (error: Error, times: number): Error =>
  times === 0 ? error : wrapped(new Error('while saving', { cause: error }), times - 1);

const ownCause = (): Error => {
  const error = new Error('in a loop');
  error.cause = error;
  return error;
};

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a statement timeout (57014)', pgError('57014')],
    ['a terminated session (57P01)', pgError('57P01')],
    ['a server still starting (57P03)', pgError('57P03')],
    ['a connection exception (08000)', pgError('08000')],
    ['a client unable to connect (08001)', pgError('08001')],
    ['a connection that does not exist (08003)', pgError('08003')],
    ['a connection the server rejected (08004)', pgError('08004')],
    ['a connection failure (08006)', pgError('08006')],
    ['a server shutting down (57P02)', pgError('57P02')],
    ['too many connections (53300)', pgError('53300')],
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection reset by the server', pgError('ECONNRESET', 'read ECONNRESET')],
    ['a write to a closed connection', pgError('EPIPE', 'write EPIPE')],
    ['a connection that timed out', pgError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:5432')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a pg error the ORM wrapped', new QueryFailedError('SELECT 1', [], pgError('57014'))],
    ['a pg error given as the cause of another error', wrapped(pgError('57014'), 1)],
  ])('is true for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  // The bound is what ends a cycle of causes; no real wrapping goes that deep.
  it('follows the causes four errors deep and no further', () => {
    expect(isDatabaseUnavailable(wrapped(pgError('57014'), 3))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(pgError('57014'), 4))).toBe(false);
  });

  it.each([
    ['a unique violation (23505), which is a 409', pgError('23505')],
    ['a syntax error (42601), which is a bug', pgError('42601')],
    ['a protocol violation (08P01), also a bug', pgError('08P01')],
    ['a wrapped constraint error', new QueryFailedError('INSERT', [], pgError('23503'))],
    ['an error without a code', new Error('something else')],
    ['a value that is not an error', 'text'],
    ['an error whose cause is null', Object.assign(new Error('failed'), { cause: null })],
    ['an error that is its own cause', ownCause()],
    // Only what the driver reports counts, and it reports strings.
    ['a code that is not a string, though it reads as a SQLSTATE', { code: 57014 }],
    [
      'a message that is not a string, though it reads as a dropped connection',
      { message: { toString: (): string => 'Connection terminated' } },
    ],
  ])('is false for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
