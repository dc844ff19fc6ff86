// Unit tests: code excerpts in the docs compared with the regions of their sources, in memory
// (packages/docs-check/README.md, "Showing code: excerpts").
import { checkExcerpts, fixExcerpts } from '../../src/excerpts';
import { md, memoryFiles } from '../helpers/memory-files';

const appSource = md(
  'import express from "express";',
  '',
  'export function createApp() {',
  '  // #region create-app',
  '  const app = express();',
  '',
  '  app.use(express.json());',
  '  // #endregion',
  '  return app;',
  '}',
);

const files = () =>
  memoryFiles({
    'apps/api/src/app.ts': appSource,
    '.ci/workflow.yml': md(
      'jobs:',
      '  test:',
      '    # #region steps',
      '    - run: pnpm test',
      '    # #endregion',
    ),
  });

const excerpt = (...body: string[]) =>
  md('# App', '', '<!-- excerpt: apps/api/src/app.ts#create-app -->', '```ts', ...body, '```', '');

describe('checkExcerpts', () => {
  it('accepts an excerpt that matches its region, whatever its indentation', () => {
    const markdown = excerpt('const app = express();', '', 'app.use(express.json());');

    expect(checkExcerpts('docs/app.md', markdown, files())).toEqual([]);
  });

  it('reads # #region markers in YAML and shell, after the blank line Prettier adds', () => {
    const markdown = md(
      '<!-- excerpt: .ci/workflow.yml#steps -->',
      '',
      '```yaml',
      '- run: pnpm test',
      '```',
    );

    expect(checkExcerpts('docs/ci.md', markdown, files())).toEqual([]);
  });

  it('reports a stale excerpt with the region and a short diff', () => {
    const markdown = excerpt('const app = express();', '', 'app.use(bodyParser.json());');

    expect(checkExcerpts('docs/app.md', markdown, files())).toEqual([
      {
        file: 'docs/app.md',
        line: 3,
        message:
          'stale excerpt apps/api/src/app.ts#create-app (pnpm --filter @testbed/docs-check fix)',
        details: ['- app.use(bodyParser.json());', '+ app.use(express.json());'],
      },
    ]);
  });

  it('reports a missing source, a missing region and a marker with no code block', () => {
    const markdown = md(
      '<!-- excerpt: apps/api/src/gone.ts#create-app -->',
      '```ts',
      '```',
      '<!-- excerpt: apps/api/src/app.ts#renamed -->',
      '```ts',
      '```',
      '<!-- excerpt: apps/api/src/app.ts#create-app -->',
      'Some words first.',
      '```ts',
      '```',
    );

    expect(
      checkExcerpts('docs/app.md', markdown, files()).map(({ line, message }) => [line, message]),
    ).toEqual([
      [1, 'excerpt apps/api/src/gone.ts#create-app: no such file apps/api/src/gone.ts'],
      [4, 'excerpt apps/api/src/app.ts#renamed: no region "renamed" in apps/api/src/app.ts'],
      [7, 'excerpt apps/api/src/app.ts#create-app is not followed by a code block'],
    ]);
  });

  it('reports a region that is never closed', () => {
    const repo = memoryFiles({ 'src/a.ts': md('// #region open', 'const a = 1;') });
    const markdown = md('<!-- excerpt: src/a.ts#open -->', '```ts', 'const a = 1;', '```');

    expect(checkExcerpts('README.md', markdown, repo)[0]?.message).toBe(
      'excerpt src/a.ts#open: region "open" has no #endregion',
    );
  });

  it('leaves out the markers of a nested region', () => {
    const repo = memoryFiles({
      'src/a.ts': md(
        '// #region outer',
        'a();',
        '// #region inner',
        'b();',
        '// #endregion',
        '// #endregion',
      ),
    });
    const markdown = md('<!-- excerpt: src/a.ts#outer -->', '```ts', 'a();', 'b();', '```');

    expect(checkExcerpts('README.md', markdown, repo)).toEqual([]);
  });

  it('ignores an excerpt marker shown inside a code block', () => {
    const markdown = md(
      '````md',
      '<!-- excerpt: src/nowhere.ts#region -->',
      '```ts',
      '```',
      '````',
    );

    expect(checkExcerpts('README.md', markdown, files())).toEqual([]);
  });
});

describe('fixExcerpts', () => {
  it('rewrites a stale excerpt from its region, at the code block’s indentation', () => {
    const markdown = md(
      '1. Build the app:',
      '   <!-- excerpt: apps/api/src/app.ts#create-app -->',
      '   ```ts',
      '   const app = express();',
      '   ```',
      'After.',
    );

    expect(fixExcerpts(markdown, files())).toBe(
      md(
        '1. Build the app:',
        '   <!-- excerpt: apps/api/src/app.ts#create-app -->',
        '   ```ts',
        '   const app = express();',
        '',
        '   app.use(express.json());',
        '   ```',
        'After.',
      ),
    );
  });

  it('leaves fresh excerpts and ones it cannot fix as they are', () => {
    const markdown = md(
      excerpt('  const app = express();', '', '  app.use(express.json());'),
      '<!-- excerpt: apps/api/src/app.ts#renamed -->',
      '```ts',
      'old();',
      '```',
    );

    expect(fixExcerpts(markdown, files())).toBe(markdown);
  });
});
