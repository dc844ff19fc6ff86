/**
 * A short diff from `before` to `after`: `- ` lines only in before, `+ ` lines only in after,
 * by longest common subsequence. At most `limit` lines, then a count of the rest.
 */
export function lineDiff(before: string[], after: string[], limit = 8): string[] {
  const common = commonSuffixLengths(before, after);
  const diff: string[] = [];
  let [b, a] = [0, 0];
  while (b < before.length || a < after.length) {
    if (b < before.length && a < after.length && before[b] === after[a]) {
      [b, a] = [b + 1, a + 1];
    } else if (
      a >= after.length ||
      (b < before.length && cell(common, b + 1, a) >= cell(common, b, a + 1))
    ) {
      diff.push(`- ${before[b++] ?? ''}`);
    } else {
      diff.push(`+ ${after[a++] ?? ''}`);
    }
  }
  return diff.length <= limit ? diff : [...diff.slice(0, limit), `… ${diff.length - limit} more`];
}

/** lengths[b][a]: the longest common subsequence of before[b…] and after[a…]. */
function commonSuffixLengths(before: string[], after: string[]): number[][] {
  const lengths = Array.from({ length: before.length + 1 }, () =>
    new Array<number>(after.length + 1).fill(0),
  );
  for (let b = before.length - 1; b >= 0; b--) {
    for (let a = after.length - 1; a >= 0; a--) {
      const row = lengths[b] ?? [];
      row[a] =
        before[b] === after[a]
          ? cell(lengths, b + 1, a + 1) + 1
          : Math.max(cell(lengths, b + 1, a), cell(lengths, b, a + 1));
    }
  }
  return lengths;
}

function cell(lengths: number[][], b: number, a: number): number {
  return lengths[b]?.[a] ?? 0;
}
