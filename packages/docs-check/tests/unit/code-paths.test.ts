// Unit tests: repository paths written as code in the docs must exist.
import { checkCodePaths } from '../../src/code-paths';
import { md, memoryFiles } from '../helpers/memory-files';

const files = memoryFiles({
  'packages/test-utils/src/index.ts': '',
  'docs/speed.md': '',
  '.ci/run': '',
});

describe('checkCodePaths', () => {
  it('accepts files and folders that exist, with or without a trailing slash', () => {
    const markdown = md('See `packages/test-utils/src`, `docs/` and `.ci/run`.');

    expect(checkCodePaths('README.md', markdown, files)).toEqual([]);
  });

  it('reports a path that does not exist, with its line', () => {
    const markdown = md('# Title', '', 'The harness is in `packages/test-utils/src/harness.ts`.');

    expect(checkCodePaths('README.md', markdown, files)).toEqual([
      {
        file: 'README.md',
        line: 3,
        message: 'missing path packages/test-utils/src/harness.ts (no such file or folder)',
      },
    ]);
  });

  it('leaves globs, placeholders, folders a run creates and code blocks alone', () => {
    const markdown = md(
      '`apps/*/README.md`, `apps/<your-app>`, `apps/express-api/.outbox`, `npm test`',
      '```sh',
      'cat `apps/nowhere/file.ts`',
      '```',
    );

    expect(checkCodePaths('README.md', markdown, files)).toEqual([]);
  });
});
