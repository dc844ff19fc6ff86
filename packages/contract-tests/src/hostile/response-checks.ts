/** What the checks read of a supertest response. */
export interface HttpResponse {
  status: number;
  text: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

import { TEST_JWT_SECRET } from '../test-secret';

export { TEST_JWT_SECRET };

// Never in any response, whatever the request sent.
const SECRETS: [RegExp, string][] = [
  [/\$argon2/, 'a password hash'],
  // The app's test secret: no response may hold it.
  [new RegExp(TEST_JWT_SECRET), 'the JWT secret'],
];

// Never in an error response. A 2xx body may echo what the client sent, SQL-looking text
// included, so these are only looked for where nothing of the request is repeated.
const INTERNALS: [RegExp, string][] = [
  [/\bat \S*[\w)] \(?[\w/\\.:-]+:\d+:\d+\)?/, 'a stack frame'],
  [/node_modules|\/(?:work|home|usr|app|src)\/|[\w-]+\.[cm]?[jt]s:\d+/, 'a file path'],
  [
    /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[\s\S]*\b(?:FROM|VALUES|SET|WHERE)\b/i,
    'SQL text',
  ],
  [
    /duplicate key|violates|relation "|invalid byte sequence|invalid input syntax|syntax error at/i,
    'a driver message',
  ],
  [
    /QueryFailedError|DrizzleQueryError|TypeORMError|DatabaseError|ZodError|SyntaxError|TypeError|RangeError/,
    'an internal error name',
  ],
];

/** Any status below 500; an error is a problem+json of the contract's shape that leaks nothing. */
export function expectHandled(res: HttpResponse): void {
  if (res.status >= 500)
    throw new Error(`${res.status} for a client's input: ${res.text.slice(0, 300)}`);
  for (const [pattern, what] of SECRETS)
    if (pattern.test(res.text))
      throw new Error(`the response holds ${what}: ${res.text.slice(0, 300)}`);
  if (res.status < 400) return;
  expect(res).toBeProblem(res.status);
  for (const [pattern, what] of INTERNALS)
    if (pattern.test(res.text))
      throw new Error(`the ${res.status} holds ${what}: ${res.text.slice(0, 300)}`);
}
