import { findLinks, resolveLink } from './links';
import type { Problem } from './problem';
import type { RepoFiles } from './repo-files';

/** The test name a link cites: its text is one double-quoted string. */
export function citedTestName(linkText: string): string | undefined {
  const match = /^\s*"([^"]+)"\s*$/.exec(linkText);
  return match?.[1] === undefined ? undefined : collapseSpaces(match[1]);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const testCall = /(?<![\w$.])(?:it|test|describe)((?:\s*\.\s*\w+)*)\s*(?=[(`])/g;

/**
 * The names given to `it`, `test` and `describe` (with `.each`, `.skip`…) in a test file, as
 * written: a template literal's `${…}` and an `it.each` name's `%s` stay as they are.
 */
export function testNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(testCall)) {
    let index = match.index + match[0].length;
    if (/\beach\b/.test(match[1] ?? '')) index = skipWhitespace(source, groupEnd(source, index));
    if (source[index] !== '(') continue;
    const literal = stringAt(source, skipWhitespace(source, index + 1));
    if (literal) names.push(collapseSpaces(literal.value));
  }
  return names;
}

function skipWhitespace(source: string, index: number): number {
  return index + (/^\s*/.exec(source.slice(index))?.[0].length ?? 0);
}

/** A string literal starting at `start`: its value, and the index after its closing quote. */
function stringAt(source: string, start: number): { value: string; end: number } | undefined {
  const quote = source[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index] ?? '';
    if (char === quote) return { value, end: index + 1 };
    if (char === '\\') value += unescape(source[++index] ?? '');
    else value += char;
  }
  return undefined;
}

function unescape(char: string): string {
  return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string | undefined>)[char] ?? char;
}

/** The index after the bracketed group (or template literal) at `start`: an `.each` table. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let index = start; index < source.length; index++) {
    const char = source[index] ?? '';
    if (source.startsWith('//', index)) index = source.indexOf('\n', index);
    else if (source.startsWith('/*', index)) index = source.indexOf('*/', index) + 1 || -1;
    else if ('\'"`'.includes(char)) index = (stringAt(source, index)?.end ?? source.length) - 1;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    if (index < 0) return source.length;
    if (depth === 0) return index + 1;
  }
  return source.length;
}

export function checkCitedTests(file: string, markdown: string, files: RepoFiles): Problem[] {
  const namesByFile = new Map<string, string[]>();
  return findLinks(markdown).flatMap(({ text, target, line }) => {
    const name = citedTestName(text);
    const path = resolveLink(file, target)?.path;
    if (name === undefined || path === undefined || files.kind(path) !== 'file') return [];
    const names = namesByFile.get(path) ?? testNames(files.read(path));
    namesByFile.set(path, names);
    return names.includes(name)
      ? []
      : [{ file, line, message: `cited test "${name}" not found in ${path}` }];
  });
}
