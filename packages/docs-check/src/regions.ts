const marker = /^\s*(?:\/\/|#)\s*#(region|endregion)\b\s*(.*?)\s*$/;

/**
 * The lines between `// #region <name>` and its `// #endregion` (`# #region` in YAML and
 * shell), without the markers of regions nested inside. Undefined when there is no such
 * region; throws when it is not closed.
 */
export function regionLines(source: string, name: string): string[] | undefined {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => {
    const match = marker.exec(line);
    return match?.[1] === 'region' && match[2] === name;
  });
  if (start === -1) return undefined;
  const body: string[] = [];
  let depth = 1;
  for (const line of lines.slice(start + 1)) {
    const kind = marker.exec(line)?.[1];
    depth += kind === 'region' ? 1 : kind === 'endregion' ? -1 : 0;
    if (depth === 0) return body;
    if (kind === undefined) body.push(line);
  }
  throw new Error(`region "${name}" has no #endregion`);
}

/** The lines without their common indentation or trailing spaces; blank lines become empty. */
export function dedent(lines: string[]): string[] {
  const trimmed = lines.map((line) => line.trimEnd());
  const indents = trimmed
    .filter((line) => line !== '')
    .map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return trimmed.map((line) => line.slice(common));
}
