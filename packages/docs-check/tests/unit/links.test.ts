// Unit tests: links and anchors checked against a repository held in memory
// (packages/docs-check/README.md, "Links").
import { checkLinks, findLinks, resolveLink } from '../../src/links';
import { md, memoryFiles } from '../helpers/memory-files';

const files = memoryFiles({
  'README.md': '# Testbed',
  'docs/guide.md': md('# Guide', '## Running the suites', '## Setup', '## Setup'),
  'docs/diagram.png': '',
  'apps/api/src/app.ts': 'export {};',
});

describe('findLinks', () => {
  it('finds links, images and reference definitions, with their lines', () => {
    const markdown = md(
      'See [the guide](guide.md) and ![a diagram](diagram.png "Diagram").',
      '[`app.ts`](../apps/api/src/app.ts), [wrapped',
      'text](<with space.md>)',
      '[label]: ../README.md',
    );

    expect(findLinks(markdown)).toEqual([
      { text: 'the guide', target: 'guide.md', line: 1 },
      { text: 'a diagram', target: 'diagram.png', line: 1 },
      { text: '`app.ts`', target: '../apps/api/src/app.ts', line: 2 },
      { text: 'wrapped\ntext', target: 'with space.md', line: 2 },
      { text: 'label', target: '../README.md', line: 4 },
    ]);
  });

  it('ignores links in fenced code, code spans and HTML comments', () => {
    const markdown = md(
      '```md',
      '[in a fence](missing.md)',
      '```',
      '~~~',
      '[in a tilde fence](missing.md)',
      '~~~',
      'Write `[text](missing.md)` in a code span.',
      '<!-- [commented out](missing.md) -->',
      '[real](guide.md)',
    );

    expect(findLinks(markdown)).toEqual([{ text: 'real', target: 'guide.md', line: 9 }]);
  });

  it('finds an image inside a link', () => {
    const targets = findLinks('[![badge](badge.svg)](guide.md)').map(({ target }) => target);

    expect(targets).toEqual(['guide.md', 'badge.svg']);
  });
});

describe('resolveLink', () => {
  it('resolves from the linking file, from the root with /, and splits the anchor', () => {
    expect(resolveLink('docs/guide.md', '../apps/api/src/app.ts')).toEqual({
      path: 'apps/api/src/app.ts',
      anchor: undefined,
    });
    expect(resolveLink('docs/guide.md', '/README.md#testbed')).toEqual({
      path: 'README.md',
      anchor: 'testbed',
    });
    expect(resolveLink('docs/guide.md', '#setup')).toEqual({
      path: 'docs/guide.md',
      anchor: 'setup',
    });
  });

  it('leaves external links alone', () => {
    for (const target of ['https://example.com/x.md', 'mailto:me@example.com', '//cdn.test/a']) {
      expect(resolveLink('docs/guide.md', target)).toBeUndefined();
    }
  });
});

describe('checkLinks', () => {
  it('accepts files, folders, headings and external links', () => {
    const markdown = md(
      '[guide](guide.md#running-the-suites), [repeat](guide.md#setup-1), [here](#guide)',
      '[folder](../apps/api/src), [source](../apps/api/src/app.ts#L1), [web](https://example.com)',
    );

    expect(checkLinks('docs/guide.md', markdown, files)).toEqual([]);
  });

  it('reports a link to a missing file, with its line', () => {
    const markdown = md('# Guide', '', 'See [the old page](old-page.md).');

    expect(checkLinks('docs/guide.md', markdown, files)).toEqual([
      { file: 'docs/guide.md', line: 3, message: 'broken link old-page.md (no such file)' },
    ]);
  });

  it('reports an anchor that matches no heading', () => {
    const problems = checkLinks('README.md', '[run](docs/guide.md#running-suites)', files);

    expect(problems).toEqual([
      {
        file: 'README.md',
        line: 1,
        message:
          'broken link docs/guide.md#running-suites (no heading #running-suites in docs/guide.md)',
      },
    ]);
  });

  it('reports a link that leaves the repository', () => {
    const problems = checkLinks('README.md', '[contract](../shared/api-contract.md)', files);

    expect(problems.map(({ message }) => message)).toEqual([
      'broken link ../shared/api-contract.md (outside the repository)',
    ]);
  });
});
