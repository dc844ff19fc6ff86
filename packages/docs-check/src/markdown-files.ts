import type { RepoFiles } from './repo-files';

/**
 * The Markdown files whose links, excerpts and cited tests are checked: the root README,
 * everything under docs/, each package's and app's README, and an app's own docs/ folder.
 */
export function listMarkdownFiles(files: RepoFiles): string[] {
  const found = [...markdownUnder(files, 'docs')];
  for (const group of ['apps', 'packages']) {
    for (const name of files.list(group).sort()) {
      found.push(`${group}/${name}/README.md`);
      if (group === 'apps') found.push(...markdownUnder(files, `${group}/${name}/docs`));
    }
  }
  return ['README.md', ...found].filter((path) => files.kind(path) === 'file');
}

function markdownUnder(files: RepoFiles, folder: string): string[] {
  return files
    .list(folder)
    .sort()
    .flatMap((name) => {
      const path = `${folder}/${name}`;
      if (files.kind(path) === 'directory') return markdownUnder(files, path);
      return name.endsWith('.md') ? [path] : [];
    });
}
