import { posix } from 'node:path';
import { proseLines } from './code-fences';
import type { Problem } from './problem';
import type { RepoFiles } from './repo-files';
import { anchorsOf } from './slugs';

/** `[text](target)`, `![alt](target)` or `[label]: target`, at a line (from 1). */
export interface MarkdownLink {
  text: string;
  target: string;
  line: number;
}

/** Every link outside code (fenced blocks, code spans) and HTML comments. */
export function findLinks(markdown: string): MarkdownLink[] {
  const prose = proseLines(markdown.split('\n'))
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const links: MarkdownLink[] = [];
  const lineAt = (index: number) => prose.slice(0, index).split('\n').length;
  for (let index = 0; index < prose.length; index++) {
    const char = prose[index];
    if (char === '\\') index++;
    else if (char === '`') index = codeSpanEnd(prose, index) - 1;
    else if (char === '[') {
      const link = linkAt(prose, index);
      if (link) links.push({ ...link, line: lineAt(index) });
    }
  }
  return links;
}

/** Where the code span starting here ends; a lone backtick run is only text. */
function codeSpanEnd(text: string, start: number): number {
  const run = /^`+/.exec(text.slice(start))?.[0] ?? '`';
  const close = text.indexOf(run, start + run.length);
  return close === -1 ? start + run.length : close + run.length;
}

function linkAt(text: string, open: number): Omit<MarkdownLink, 'line'> | undefined {
  const close = closingBracket(text, open);
  if (close === undefined) return undefined;
  const label = text.slice(open + 1, close);
  const after = text.slice(close + 1);
  const inline =
    /^\(\s*(?:<([^>\n]*)>|([^\s()]*(?:\([^\s()]*\)[^\s()]*)*))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/.exec(
      after,
    );
  if (inline) return { text: label, target: inline[1] ?? inline[2] ?? '' };
  const atLineStart = /(^|\n)[ \t]{0,3}$/.test(text.slice(0, open));
  const definition = atLineStart ? /^:[ \t]*<?([^\s>]+)>?/.exec(after) : null;
  return definition ? { text: label, target: definition[1] ?? '' } : undefined;
}

/** The `]` that closes the `[` at `open`, not crossing a blank line. */
function closingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '`') index = codeSpanEnd(text, index) - 1;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index;
    else if (char === '\n' && /^\n[ \t]*\n/.test(text.slice(index))) return undefined;
  }
  return undefined;
}

/** The repo-relative file a link points at, and its anchor; undefined for an external link. */
export function resolveLink(
  fromFile: string,
  target: string,
): { path: string; anchor: string | undefined } | undefined {
  if (/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(target)) return undefined;
  const [pathAndQuery = '', ...anchorParts] = target.split('#');
  const anchor = anchorParts.length > 0 ? decode(anchorParts.join('#')) : undefined;
  const path = decode(pathAndQuery.split('?')[0] ?? '');
  if (path === '') return { path: fromFile, anchor };
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(fromFile), path);
  return { path: posix.normalize(joined).replace(/\/$/, '') || '.', anchor };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function checkLinks(file: string, markdown: string, files: RepoFiles): Problem[] {
  return findLinks(markdown).flatMap(({ target, line }) => {
    const problem = linkProblem(file, target, files);
    return problem === undefined
      ? []
      : [{ file, line, message: `broken link ${target} (${problem})` }];
  });
}

function linkProblem(file: string, target: string, files: RepoFiles): string | undefined {
  const resolved = resolveLink(file, target);
  if (resolved === undefined) return undefined;
  const { path, anchor } = resolved;
  if (path === '..' || path.startsWith('../')) return 'outside the repository';
  const kind = files.kind(path);
  if (kind === undefined) return 'no such file';
  if (anchor === undefined || kind !== 'file' || !path.endsWith('.md')) return undefined;
  return anchorsOf(files.read(path)).has(anchor) ? undefined : `no heading #${anchor} in ${path}`;
}
