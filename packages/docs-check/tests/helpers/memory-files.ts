import type { RepoFiles } from '../../src/repo-files';

/** A repository in memory: paths (from its root) to contents; folders are implied. */
export function memoryFiles(contents: Record<string, string>): RepoFiles & {
  contents: Record<string, string>;
} {
  const paths = () => Object.keys(contents);
  const isFolder = (path: string) => paths().some((file) => file.startsWith(`${path}/`));
  return {
    contents,
    kind: (path) => (path in contents ? 'file' : isFolder(path) ? 'directory' : undefined),
    read(path) {
      const text = contents[path];
      if (text === undefined) throw new Error(`no such file ${path}`);
      return text;
    },
    list: (path) => [
      ...new Set(
        paths()
          .filter((file) => file.startsWith(`${path}/`))
          .map((file) => file.slice(path.length + 1).split('/')[0] ?? ''),
      ),
    ],
    write(path, text) {
      contents[path] = text;
    },
  };
}

/** Markdown from lines, so fixtures read like the file they stand for. */
export const md = (...lines: string[]): string => lines.join('\n');
