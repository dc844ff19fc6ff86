// Unit tests for toBeProblem: it passes on a good RFC 9457 response and says exactly what is
// wrong with a bad one.
import { stripVTControlCharacters } from 'node:util';

const problem = (status: number, body: Record<string, unknown> = {}) => ({
  status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: {
    type: 'about:blank',
    title: 'Not Found',
    status,
    detail: 'No user with that id.',
    ...body,
  },
});

// Colours off, as a developer's terminal may have them on (and Stryker turns them on).
const failureOf = (check: () => void): string => {
  try {
    check();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the matcher to fail');
};

describe('toBeProblem', () => {
  it('passes on a problem response of the expected status', () => {
    expect(problem(404)).toBeProblem(404);
  });

  it('checks the fields it is given, asymmetric matchers included', () => {
    expect(problem(409, { detail: 'The email is taken.' })).toBeProblem(409, {
      detail: expect.stringMatching(/email/),
    });
  });

  it('finds each expected validation error among the errors', () => {
    const response = problem(400, {
      errors: [
        { path: 'email', message: 'Invalid email' },
        { path: 'name', message: 'Required' },
      ],
    });

    expect(response).toBeProblem(400, { errors: [{ path: 'name' }] });
    expect(
      failureOf(() => expect(response).toBeProblem(400, { errors: [{ path: 'password' }] })),
    ).toMatch(/body\.errors/);
  });

  it('fails on the wrong status, naming both, one failure a line', () => {
    expect(failureOf(() => expect(problem(404)).toBeProblem(400))).toBe(
      'expected a 400 problem response, but:\n' +
        '  - status 404 instead of 400\n' +
        '  - body.status is 404 instead of 400',
    );
  });

  it('fails on a response with no content type', () => {
    const response = { ...problem(404), headers: {} };

    expect(failureOf(() => expect(response).toBeProblem(404))).toContain(
      '  - content-type undefined instead of application/problem+json',
    );
  });

  it('fails on a field that differs from the one expected, printing both', () => {
    expect(
      failureOf(() => expect(problem(404)).toBeProblem(404, { title: 'Gone', detail: 'x' })),
    ).toBe(
      'expected a 404 problem response, but:\n' +
        '  - body.title is "Not Found", expected "Gone"\n' +
        '  - body.detail is "No user with that id.", expected "x"',
    );
  });

  it('fails on a plain JSON content type', () => {
    const response = { ...problem(404), headers: { 'content-type': 'application/json' } };

    expect(failureOf(() => expect(response).toBeProblem(404))).toMatch(
      /content-type "application\/json"/,
    );
  });

  it('fails when a required member is missing or of the wrong type', () => {
    const response = problem(404, { detail: undefined, status: '404' });

    const message = failureOf(() => expect(response).toBeProblem(404));

    expect(message).toMatch(/body\.detail is not a string/);
    expect(message).toMatch(/body\.status is 404 instead of 404/);
  });

  // One case for each sign, so that none is found only through another.
  it.each([
    ['a stack trace', 'Error: boom\n    at handler (/app/dist/users.js:10:5)'],
    ['a file path', 'failed in /src/users/user.service.ts'],
    ['a file path', 'failed in user.service.ts:42'],
    ['a file path', 'failed in node_modules/pg/lib/client.js'],
    ['SQL text', 'SELECT id FROM users WHERE email = $1'],
    [
      'a database driver message',
      'duplicate key value violates unique constraint "users_email_key"',
    ],
    ['a database driver message', 'new row violates check constraint "users_role_check"'],
    ['a database driver message', 'relation "users" does not exist'],
  ])('fails when the body holds %s: %j', (what, detail) => {
    expect(failureOf(() => expect(problem(500, { detail })).toBeProblem(500))).toContain(
      `the body holds ${what}`,
    );
  });

  it('says the response is a problem when .not fails', () => {
    expect(failureOf(() => expect(problem(404)).not.toBeProblem(404))).toBe(
      'expected the response not to be a 404 problem, but it is',
    );
  });

  it('reads members that are null without failing on them', () => {
    expect(problem(404, { instance: null })).toBeProblem(404);
  });

  it('works with .not', () => {
    expect({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {},
    }).not.toBeProblem(200);
  });
});

describe('toBeProblem with a Fastify inject() response', () => {
  it('reads statusCode and the body as the raw JSON string it is', () => {
    const { status, headers, body } = problem(404);

    expect({ statusCode: status, headers, body: JSON.stringify(body) }).toBeProblem(404, {
      title: 'Not Found',
    });
  });
});

describe('toBeProblem with expected validation errors', () => {
  const invalid = (errors: unknown) => problem(400, { errors });

  it('fails when the body has no errors list, printing what it expected', () => {
    expect(
      failureOf(() => expect(invalid(undefined)).toBeProblem(400, { errors: [{ path: 'email' }] })),
    ).toBe(
      'expected a 400 problem response, but:\n' +
        '  - body.errors is undefined, expected to include [{"path": "email"}]',
    );
  });

  it('fails when only some of the expected errors are there', () => {
    const response = invalid([{ path: 'email', message: 'Invalid email' }]);

    expect(
      failureOf(() =>
        expect(response).toBeProblem(400, { errors: [{ path: 'email' }, { path: 'name' }] }),
      ),
    ).toContain(
      '  - body.errors is [{"message": "Invalid email", "path": "email"}], expected to include [{"path": "email"}, {"path": "name"}]',
    );
  });

  it('fails when an error matches some of the fields expected but not all', () => {
    const response = invalid([{ path: 'email', message: 'Invalid email' }]);

    expect(
      failureOf(() =>
        expect(response).toBeProblem(400, { errors: [{ path: 'email', message: 'Required' }] }),
      ),
    ).toContain(
      '  - body.errors is [{"message": "Invalid email", "path": "email"}], expected to include [{"message": "Required", "path": "email"}]',
    );
  });

  it('passes over entries that are not objects', () => {
    expect(invalid([null, 'email is invalid', { path: 'email' }])).toBeProblem(400, {
      errors: [{ path: 'email' }],
    });
  });
});

describe('toBeProblem with a body the client did not parse as JSON', () => {
  it('reads no members from a body supertest kept as a Buffer', () => {
    const { status, headers, body } = problem(404);
    const response = { status, headers, body: Buffer.from(JSON.stringify(body)) };

    expect(failureOf(() => expect(response).toBeProblem(404))).toBe(
      'expected a 404 problem response, but:\n' +
        '  - body.type is not a string\n' +
        '  - body.title is not a string\n' +
        '  - body.detail is not a string\n' +
        '  - body.status is undefined instead of 404',
    );
  });

  it('finds a stack trace in a text body that is not JSON', () => {
    const response = {
      statusCode: 500,
      headers: { 'content-type': 'text/plain' },
      body: 'Error: boom\n    at handler (/app/dist/users.js:10:5)',
    };

    expect(failureOf(() => expect(response).toBeProblem(500))).toContain(
      '  - the body holds a stack trace',
    );
  });
});
