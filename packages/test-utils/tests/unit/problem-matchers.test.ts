// Unit tests for toBeProblem: it passes on a good RFC 9457 response and says exactly what is
// wrong with a bad one.
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

const failureOf = (check: () => void): string => {
  try {
    check();
  } catch (error) {
    return (error as Error).message;
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

  it('fails on the wrong status, naming both', () => {
    expect(failureOf(() => expect(problem(404)).toBeProblem(400))).toMatch(
      /status 404 instead of 400/,
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

  it.each([
    ['a stack trace', 'Error: boom\n    at handler (/app/dist/users.js:10:5)'],
    ['a file path', 'failed in /src/users/user.service.ts'],
    ['SQL text', 'SELECT id FROM users WHERE email = $1'],
    [
      'a database driver message',
      'duplicate key value violates unique constraint "users_email_key"',
    ],
  ])('fails when the body holds %s', (what, detail) => {
    expect(failureOf(() => expect(problem(500, { detail })).toBeProblem(500))).toContain(
      `the body holds ${what}`,
    );
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
