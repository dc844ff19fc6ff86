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

  // The lines before the frames repeat the message, which for a failed query holds its
  // parameters; only the frames are kept, one a line.
  it('keeps only the frames of the stack, not the lines that repeat the message', () => {
    const error = new Error('boom at the start');
    error.stack = [
      'Error: boom at the start',
      'and a second line at the end',
      '    at first (/srv/app/a.ts:1:1)',
      '    at second (/srv/app/b.ts:2:2)',
    ].join('\n');

    expect(describeError(error)).toHaveProperty(
      'stack',
      '    at first (/srv/app/a.ts:1:1)\n    at second (/srv/app/b.ts:2:2)',
    );
  });

  it('describes an error that has no stack', () => {
    const error = new RangeError('no stack here');
    delete error.stack;

    expect(describeError(error)).toEqual({ name: 'RangeError', message: 'no stack here' });
  });

  it("says only that the query failed when the driver's error is not an Error", () => {
    const error = new DrizzleQueryError('select 1', [], 'a thrown string' as unknown as Error);

    expect(describeError(error)).toMatchObject({ message: 'query failed', query: 'select 1' });
  });

  it('names the type of something thrown that is not an Error', () => {
    expect(describeError('a string')).toEqual({ name: 'string' });
  });
});
