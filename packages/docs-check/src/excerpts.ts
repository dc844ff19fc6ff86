import { findCodeFences, type CodeFence } from './code-fences';
import { lineDiff } from './line-diff';
import type { Problem } from './problem';
import { dedent, regionLines } from './regions';
import type { RepoFiles } from './repo-files';

/**
 * `<!-- excerpt: path#region -->` above a fenced block, with only blank lines between: the
 * block shows that region of the file.
 */
export interface Excerpt {
  /** The marker's line, from 1. */
  line: number;
  source: string;
  region: string;
  fence: CodeFence | undefined;
}

// #region excerpt-marker
const excerptMarker = /^\s*<!--\s*excerpt:\s*(\S+?)#(\S+)\s*-->\s*$/;
// #endregion

export function findExcerpts(lines: string[]): Excerpt[] {
  const fences = findCodeFences(lines);
  const inFence = (index: number) =>
    fences.some(({ open, close }) => index >= open && index <= close);
  return lines.flatMap((text, index) => {
    const match = excerptMarker.exec(text);
    if (!match || inFence(index)) return [];
    const [, source = '', region = ''] = match;
    // Prettier puts a blank line between a comment and a code block: allow blank lines only.
    const next = lines.findIndex((line, after) => after > index && line.trim() !== '');
    const fence = fences.find(({ open }) => open === next);
    return [{ line: index + 1, source, region, fence }];
  });
}

type Comparison = { problem: string } | { fresh: string[]; shown: string[]; fence: CodeFence };

const isStale = ({ fresh, shown }: { fresh: string[]; shown: string[] }) =>
  fresh.join('\n') !== shown.join('\n');

function compare(lines: string[], excerpt: Excerpt, files: RepoFiles): Comparison {
  const { source, region, fence } = excerpt;
  const name = `${source}#${region}`;
  if (fence === undefined) return { problem: `excerpt ${name} is not followed by a code block` };
  if (files.kind(source) !== 'file') return { problem: `excerpt ${name}: no such file ${source}` };
  let fresh: string[] | undefined;
  try {
    fresh = regionLines(files.read(source), region);
  } catch (error) {
    return { problem: `excerpt ${name}: ${(error as Error).message}` };
  }
  if (fresh === undefined)
    return { problem: `excerpt ${name}: no region "${region}" in ${source}` };
  return { fresh: dedent(fresh), shown: dedent(lines.slice(fence.open + 1, fence.close)), fence };
}

export function checkExcerpts(file: string, markdown: string, files: RepoFiles): Problem[] {
  const lines = markdown.split('\n');
  return findExcerpts(lines).flatMap((excerpt) => {
    const result = compare(lines, excerpt, files);
    const { line, source, region } = excerpt;
    if ('problem' in result) return [{ file, line, message: result.problem }];
    if (!isStale(result)) return [];
    const message = `stale excerpt ${source}#${region} (pnpm --filter @testbed/docs-check fix)`;
    return [{ file, line, message, details: lineDiff(result.shown, result.fresh) }];
  });
}

/** The Markdown with every stale excerpt replaced by its region, at the block's indentation. */
export function fixExcerpts(markdown: string, files: RepoFiles): string {
  const lines = markdown.split('\n');
  for (const excerpt of findExcerpts(lines).reverse()) {
    const result = compare(lines, excerpt, files);
    if ('problem' in result || !isStale(result) || result.fence.close >= lines.length) continue;
    const { fresh, fence } = result;
    const indented = fresh.map((line) => (line === '' ? '' : fence.indent + line));
    lines.splice(fence.open + 1, fence.close - fence.open - 1, ...indented);
  }
  return lines.join('\n');
}
