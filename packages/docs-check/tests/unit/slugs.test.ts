// Unit tests: GitHub's heading anchors, from text alone (packages/docs-check/README.md).
import { anchorsOf, headingText, slugify } from '../../src/slugs';
import { md } from '../helpers/memory-files';

describe('slugify', () => {
  it.each([
    ['Running against your own PostgreSQL', 'running-against-your-own-postgresql'],
    ['"Never clean up, use unique data instead"', 'never-clean-up-use-unique-data-instead'],
    ['TypeScript 5.9, not 7', 'typescript-59-not-7'],
    ['A & B', 'a--b'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
    ['Ünïcode wörds', 'ünïcode-wörds'],
  ])('turns %s into %s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });
});

describe('headingText', () => {
  it('keeps the words of code, emphasis and links, not their marks or targets', () => {
    expect(headingText('The `useTestApp()` helper, **fast** and [linked](x.md) _here_')).toBe(
      'The useTestApp() helper, fast and linked here',
    );
  });

  it('keeps underscores inside words and code', () => {
    expect(headingText('TESTBED_KEEP_FAILED_DB and `__dirname`')).toBe(
      'TESTBED_KEEP_FAILED_DB and __dirname',
    );
  });
});

describe('anchorsOf', () => {
  it('numbers repeated headings -1, -2 in order', () => {
    const markdown = md('# Setup', '## Setup', 'text', '### Setup');

    expect([...anchorsOf(markdown)]).toEqual(['setup', 'setup-1', 'setup-2']);
  });

  it('reads underlined headings and explicit anchors, and skips code blocks', () => {
    const markdown = md(
      'Title',
      '=====',
      '<a id="custom-anchor"></a>',
      '```sh',
      '# not a heading',
      '```',
      '- a list item',
      '---',
      '## Closed heading ##',
    );

    expect([...anchorsOf(markdown)]).toEqual(['title', 'custom-anchor', 'closed-heading']);
  });
});
