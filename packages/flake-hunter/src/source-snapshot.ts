import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['node_modules', 'coverage', 'dist', '.turbo', '.data', '.outbox']);

function walk(dir: string, into: Map<string, number>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile()) into.set(path, statSync(path).mtimeMs);
  }
}

/** Every file of the packages (not their dependencies or outputs) with its modification time. */
export function snapshotSources(dirs: string[]): Map<string, number> {
  const files = new Map<string, number>();
  for (const dir of dirs) walk(dir, files);
  return files;
}

/**
 * Files added, removed or modified between two snapshots, relative to `root`. A hunt over a
 * tree that someone edits meanwhile reports the edits as changes; this tells them apart.
 */
export function changedFiles(
  before: Map<string, number>,
  after: Map<string, number>,
  root: string,
): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => relative(root, path))
    .sort();
}
