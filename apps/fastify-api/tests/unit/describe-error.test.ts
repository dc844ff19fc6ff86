// Unit tests: what an unexpected error may put in the log — never the parameters of a failed
// query, which can hold a password hash or a token hash. See docs/fastify-api.md.
import { DrizzleQueryError } from 'drizzle-orm';
import { describeError } from '../../src/http/describe-error';

describe('describeError', () => {
  it('keeps the name, message and stack of an ordinary error', () => {
    const described = describeError(new TypeError('boom'));

    expect(described).toEqual({
      name: 'TypeError',
      message: 'boom',
      stack: expect.stringMatching(/^\s+at /),
    });
  });

  it("shows a failed query's SQL and the driver's message, never its parameters", () => {
    const cause = new Error('duplicate key value violates unique constraint "users_email_unique"');
    const error = new DrizzleQueryError(
      'insert into "users" values ($1, $2)',
      ['a@b.test', '$argon2id$secret'],
      cause,
    );

    const described = describeError(error);

    expect(described).toMatchObject({
      message: cause.message,
      query: 'insert into "users" values ($1, $2)',
    });
    expect(JSON.stringify(described)).not.toContain('$argon2id$secret');
  });

  it('names the type of something thrown that is not an Error', () => {
    expect(describeError('a string')).toEqual({ name: 'string' });
  });
});
