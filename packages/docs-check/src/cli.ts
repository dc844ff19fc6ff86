// `check` prints every problem in the docs and exits 1 if there is any; `--fix` first
// rewrites stale excerpts from their sources. Run from anywhere inside the repository.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDocs, fixDocs } from './check-docs';
import { formatProblem } from './problem';
import { diskFiles } from './repo-files';

function repositoryRoot(from: string): string {
  if (existsSync(join(from, 'pnpm-workspace.yaml'))) return from;
  const parent = dirname(from);
  if (parent === from) throw new Error('docs-check: no pnpm-workspace.yaml above this folder');
  return repositoryRoot(parent);
}

const files = diskFiles(repositoryRoot(process.cwd()));
if (process.argv.includes('--fix')) {
  for (const file of fixDocs(files)) process.stdout.write(`rewrote stale excerpts in ${file}\n`);
}
const problems = checkDocs(files);
for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
if (problems.length > 0) {
  process.stdout.write(`docs-check: ${problems.length} problem(s)\n`);
  process.exitCode = 1;
}
