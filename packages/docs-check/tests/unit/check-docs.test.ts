// Unit tests: the whole check over a small repository in memory: which files, in what order
// (packages/docs-check/README.md).
import { checkDocs, fixDocs } from '../../src/check-docs';
import { listMarkdownFiles } from '../../src/markdown-files';
import { formatProblem } from '../../src/problem';
import { md, memoryFiles } from '../helpers/memory-files';

const repository = () =>
  memoryFiles({
    'README.md': '[guide](docs/guide.md) [gone](docs/gone.md)',
    'docs/guide.md': md('# Guide', '<!-- excerpt: src/a.ts#a -->', '```ts', 'old();', '```'),
    'docs/deep/more.md': '[up](../../README.md#nothing)',
    'docs/diagram.png': '',
    'apps/api/README.md': '["a test"](tests/a.test.ts)',
    'apps/api/tests/a.test.ts': "it('another test', () => {});",
    'apps/api/docs/notes.md': '[missing](x.md)',
    'apps/api/CHANGELOG.md': '[not checked](x.md)',
    'packages/lib/README.md': '[ok](../../README.md)',
    'packages/lib/docs/notes.md': '[not checked](x.md)',
    'src/a.ts': md('// #region a', 'fresh();', '// #endregion'),
  });

describe('listMarkdownFiles', () => {
  it('lists the root README, docs/, each README of apps and packages, and apps’ docs/', () => {
    expect(listMarkdownFiles(repository())).toEqual([
      'README.md',
      'docs/deep/more.md',
      'docs/guide.md',
      'apps/api/README.md',
      'apps/api/docs/notes.md',
      'packages/lib/README.md',
    ]);
  });
});

describe('checkDocs', () => {
  it('reports every problem of every file, file by file in that order', () => {
    const printed = checkDocs(repository()).map(formatProblem);

    expect(printed).toEqual([
      'README.md:1: broken link docs/gone.md (no such file)',
      'docs/deep/more.md:1: broken link ../../README.md#nothing (no heading #nothing in README.md)',
      md(
        'docs/guide.md:2: stale excerpt src/a.ts#a (pnpm --filter @testbed/docs-check fix)',
        '    - old();',
        '    + fresh();',
      ),
      'apps/api/README.md:1: cited test "a test" not found in apps/api/tests/a.test.ts',
      'apps/api/docs/notes.md:1: broken link x.md (no such file)',
    ]);
  });

  it('sorts the problems of one file by line, whichever check found them', () => {
    const files = memoryFiles({
      'README.md': md('<!-- excerpt: a.ts#a -->', '```', '```', '[gone](gone.md)'),
      'a.ts': '',
    });

    expect(checkDocs(files).map(({ line }) => line)).toEqual([1, 4]);
  });
});

describe('fixDocs', () => {
  it('rewrites the files with stale excerpts and names them', () => {
    const files = repository();

    const rewritten = fixDocs(files);

    expect(rewritten).toEqual(['docs/guide.md']);
    expect(files.contents['docs/guide.md']).toBe(
      md('# Guide', '<!-- excerpt: src/a.ts#a -->', '```ts', 'fresh();', '```'),
    );
  });
});
