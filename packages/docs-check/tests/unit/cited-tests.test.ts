// Unit tests: test names cited by the docs, looked up in test files held in memory
// (packages/docs-check/README.md, "Citing a test").
import { checkCitedTests, citedTestName, testNames } from '../../src/cited-tests';
import { md, memoryFiles } from '../helpers/memory-files';

describe('testNames', () => {
  it('reads the names of it, test and describe in any quotes, with escapes', () => {
    // Source text to parse, not a test of this suite: a skipped test still has a name.
    const source = md(
      "describe('POST /api/users', () => {",
      '  it("returns 409 when the email is taken", async () => {});',
      '  test(`answers 201 with the new user`, () => {});',
      "  it.skip('doesn\\'t crash', () => {});",
      '});',
    );

    expect(testNames(source)).toEqual([
      'POST /api/users',
      'returns 409 when the email is taken',
      'answers 201 with the new user',
      "doesn't crash",
    ]);
  });

  it('reads the name after an it.each table, array or template', () => {
    const source = md(
      "it.each([['a', 1], ['b', 2]])('returns 400 for %s', () => {});",
      'describe.each`',
      '  route | status',
      '  ${"/x"} | ${404}',
      "`('$route answers $status', () => {});",
      'it.each([',
      "  'limit=0', // it's a comment with a quote",
      "  'limit=101',",
      "])('refuses %s', () => {});",
    );

    expect(testNames(source)).toEqual([
      'returns 400 for %s',
      '$route answers $status',
      'refuses %s',
    ]);
  });

  it('is not fooled by a call that only ends in it', () => {
    expect(testNames("submit('x'); expect(split('a')).toEqual([]);")).toEqual([]);
  });
});

describe('citedTestName', () => {
  it('is the text of a link that is one double-quoted string, spaces collapsed', () => {
    expect(citedTestName('"returns 404 when\n  the user does not exist"')).toBe(
      'returns 404 when the user does not exist',
    );
    expect(citedTestName('users.test.ts')).toBeUndefined();
    expect(citedTestName('"one" and "two"')).toBeUndefined();
  });
});

describe('checkCitedTests', () => {
  const files = memoryFiles({
    'apps/api/tests/users.test.ts': md(
      "describe('GET /api/users/:id', () => {",
      "  it('returns 404 when the user does not exist', async () => {});",
      '});',
    ),
  });

  it('accepts a cited test that exists, and ignores links that cite nothing', () => {
    const markdown = md(
      '["returns 404 when the user does not exist"](../apps/api/tests/users.test.ts),',
      '[the file](../apps/api/tests/users.test.ts), ["GET /api/users/:id"](../apps/api/tests/users.test.ts)',
    );

    expect(checkCitedTests('docs/api.md', markdown, files)).toEqual([]);
  });

  it('reports a cited test that was renamed', () => {
    const markdown = md(
      '# API',
      '["returns 404 for an unknown user"](../apps/api/tests/users.test.ts)',
    );

    expect(checkCitedTests('docs/api.md', markdown, files)).toEqual([
      {
        file: 'docs/api.md',
        line: 2,
        message:
          'cited test "returns 404 for an unknown user" not found in apps/api/tests/users.test.ts',
      },
    ]);
  });

  it('leaves a missing test file to the link check', () => {
    const markdown = '["returns 404"](../apps/api/tests/gone.test.ts)';

    expect(checkCitedTests('docs/api.md', markdown, files)).toEqual([]);
  });
});
