// Integration test: every check over this repository's real docs, so `pnpm test` fails when
// they drift from the code. The failure message lists the problems as the CLI prints them.
import { join } from 'node:path';
import { checkDocs } from '../../src/check-docs';
import { listMarkdownFiles } from '../../src/markdown-files';
import { formatProblem } from '../../src/problem';
import { diskFiles } from '../../src/repo-files';

const files = diskFiles(join(__dirname, '../../../..'));

describe('the repository’s docs', () => {
  it('include the root README, docs/ and this package’s README', () => {
    expect(listMarkdownFiles(files)).toEqual(
      expect.arrayContaining(['README.md', 'docs/README.md', 'packages/docs-check/README.md']),
    );
  });

  it('have no broken link, stale excerpt or missing cited test', () => {
    const problems = checkDocs(files).map(formatProblem);

    expect(problems).toEqual([]);
  });
});
