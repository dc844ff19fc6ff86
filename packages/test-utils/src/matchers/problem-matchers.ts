/**
 * The part of the matcher context (`this` in a matcher) that Jest and Vitest both give, so
 * the one matcher serves either runner.
 */
export interface MatcherContext {
  equals: (actual: unknown, expected: unknown) => boolean;
  utils: { printReceived: (value: unknown) => string; printExpected: (value: unknown) => string };
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/**
 * What a response looks like to the matcher: supertest's (`status`, parsed `body`) or
 * Fastify inject()'s (`statusCode`, `body` as the raw string).
 */
export interface ResponseLike {
  status?: number;
  statusCode?: number;
  headers: Record<string, unknown>;
  body?: unknown;
}

function parsedBody(response: ResponseLike): unknown {
  if (typeof response.body !== 'string') return response.body;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return response.body;
  }
}

export interface ProblemExpectation {
  title?: unknown;
  detail?: unknown;
  type?: unknown;
  /** Validation problems: each expected entry must be among the response's `errors`. */
  errors?: { path: unknown; message?: unknown }[];
}

// Signs that an internal detail leaked into a response body (a sign, not a parse: one digit
// after the last colon is enough).
const LEAKS: [RegExp, string][] = [
  [/\n\s*at .*:\d+:\d/, 'a stack trace'],
  [/node_modules|\/src\/|\.ts:\d/, 'a file path'],
  [/\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.+\b(FROM|VALUES|SET|WHERE)\b/, 'SQL text'],
  [/duplicate key value|violates .* constraint|relation ".*"/, 'a database driver message'],
];

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  // Stryker disable next-line ArrayDeclaration: equivalent, a number or null holds no text, and the mutant's made-up string matches no leak
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

/** Each expected entry matches some entry of `actual` on every field it names. */
function includesEach(
  context: MatcherContext,
  actual: unknown,
  expected: Record<string, unknown>[],
): boolean {
  if (!Array.isArray(actual)) return false;
  const entries = actual as unknown[];
  return expected.every((wanted) =>
    entries.some((entry) =>
      Object.entries(wanted).every(([field, value]) =>
        context.equals(
          (entry as Partial<Record<string, unknown>> | null | undefined)?.[field],
          value,
        ),
      ),
    ),
  );
}

function problemFailures(
  this: MatcherContext,
  response: ResponseLike,
  status: number,
  expected: ProblemExpectation,
) {
  const failures: string[] = [];
  const actualStatus = response.status ?? response.statusCode;
  const parsed = parsedBody(response);
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  if (actualStatus !== status) failures.push(`status ${actualStatus} instead of ${status}`);
  const contentType = response.headers['content-type'];
  if (typeof contentType !== 'string' || !contentType.startsWith('application/problem+json'))
    failures.push(
      `content-type ${JSON.stringify(contentType)} instead of application/problem+json`,
    );
  for (const field of ['type', 'title', 'detail'] as const) {
    if (typeof body[field] !== 'string') failures.push(`body.${field} is not a string`);
  }
  if (body.status !== status)
    failures.push(`body.status is ${String(body.status)} instead of ${status}`);
  const { errors, ...fields } = expected;
  for (const [field, value] of Object.entries(fields)) {
    if (!this.equals(body[field], value))
      failures.push(
        `body.${field} is ${this.utils.printReceived(body[field])}, expected ${this.utils.printExpected(value)}`,
      );
  }
  if (errors && !includesEach(this, body.errors, errors)) {
    failures.push(
      `body.errors is ${this.utils.printReceived(body.errors)}, expected to include ${this.utils.printExpected(errors)}`,
    );
  }
  const text = stringsIn(parsed).join('\n');
  for (const [pattern, what] of LEAKS)
    if (pattern.test(text)) failures.push(`the body holds ${what}`);
  return failures;
}

/**
 * `expect(response).toBeProblem(404)` / `.toBeProblem(400, { errors: [{ path: 'email' }] })`:
 * the status, an RFC 9457 `application/problem+json` body of the right shape, the fields
 * given, and no stack trace, file path, SQL or driver message anywhere in it.
 */
export function toBeProblem(
  this: MatcherContext,
  received: unknown,
  status: number,
  expected: ProblemExpectation = {},
): MatcherResult {
  const failures = problemFailures.call(this, received as ResponseLike, status, expected);
  const pass = failures.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected the response not to be a ${status} problem, but it is`
        : `expected a ${status} problem response, but:\n  - ${failures.join('\n  - ')}`,
  };
}
