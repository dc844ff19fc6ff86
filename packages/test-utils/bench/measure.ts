/** Runs `work` the given number of times and returns the durations in milliseconds. */
export async function measure(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  return durations;
}

export function percentile(durations: number[], fraction: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

export interface Row {
  what: string;
  durations: number[];
  note?: string;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export function printTable(title: string, rows: Row[]): void {
  process.stdout.write(`\n${title}\n`);
  const lines = rows.map((row) => [
    row.what,
    ms(percentile(row.durations, 0.5)),
    ms(percentile(row.durations, 0.95)),
    String(row.durations.length),
    row.note ?? '',
  ]);
  const header = ['', 'median', 'p95', 'runs', ''];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...lines].map((line) => line[column]?.length ?? 0)),
  );
  for (const line of [header, ...lines]) {
    process.stdout.write(
      `  ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}\n`,
    );
  }
}
