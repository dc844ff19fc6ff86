import { proseLines } from './code-fences';
import type { Problem } from './problem';
import type { RepoFiles } from './repo-files';

// A code span that starts at the top of the repository names a file or folder of it.
const repositoryPath = /^(?:apps|packages|docs|\.ci|\.github)\/[^\s]*$/;
// Globs and placeholders (`apps/*/README.md`, `apps/<your-app>`) are patterns, not paths.
const pattern = /[*<>{}]/;
// Folders a run creates, which a fresh clone does not have.
const createdByRuns = /\/\.(?:data|outbox)(?:\/|$)/;

/** Every repository path written as code in the prose (`packages/test-utils/src`) must exist. */
export function checkCodePaths(file: string, markdown: string, files: RepoFiles): Problem[] {
  return proseLines(markdown.split('\n')).flatMap((line, index) =>
    [...line.matchAll(/`([^`]+)`/g)]
      .map((match) => match[1] ?? '')
      .filter((path) => repositoryPath.test(path) && !pattern.test(path))
      .filter((path) => !createdByRuns.test(path))
      .filter((path) => files.kind(path.replace(/\/$/, '')) === undefined)
      .map((path) => ({
        file,
        line: index + 1,
        message: `missing path ${path} (no such file or folder)`,
      })),
  );
}
