import { checkCitedTests } from './cited-tests';
import { checkCodePaths } from './code-paths';
import { checkExcerpts, fixExcerpts } from './excerpts';
import { checkLinks } from './links';
import { listMarkdownFiles } from './markdown-files';
import type { Problem } from './problem';
import type { RepoFiles } from './repo-files';

const checks = [checkLinks, checkCodePaths, checkExcerpts, checkCitedTests];

/** Every problem in the repository's docs: file by file, in the order they are listed, by line. */
export function checkDocs(files: RepoFiles): Problem[] {
  return listMarkdownFiles(files).flatMap((file) => {
    const markdown = files.read(file);
    return checks.flatMap((check) => check(file, markdown, files)).sort((a, b) => a.line - b.line);
  });
}

/** Rewrites the stale excerpts from their sources; returns the files it changed. */
export function fixDocs(files: RepoFiles): string[] {
  return listMarkdownFiles(files).filter((file) => {
    const markdown = files.read(file);
    const fixed = fixExcerpts(markdown, files);
    if (fixed !== markdown) files.write(file, fixed);
    return fixed !== markdown;
  });
}
