import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the checks may know about the repository. Paths are relative to its root, with `/`.
 * The checks take this rather than touching the disk, so unit tests hand them a few files.
 */
export interface RepoFiles {
  kind(path: string): 'file' | 'directory' | undefined;
  read(path: string): string;
  /** The names in a folder, or none when it does not exist. */
  list(path: string): string[];
  write(path: string, text: string): void;
}

export function diskFiles(root: string): RepoFiles {
  const absolute = (path: string) => join(root, path);
  return {
    kind(path) {
      if (!existsSync(absolute(path))) return undefined;
      return statSync(absolute(path)).isDirectory() ? 'directory' : 'file';
    },
    read: (path) => readFileSync(absolute(path), 'utf8'),
    list: (path) => (existsSync(absolute(path)) ? readdirSync(absolute(path)) : []),
    write: (path, text) => {
      writeFileSync(absolute(path), text);
    },
  };
}
