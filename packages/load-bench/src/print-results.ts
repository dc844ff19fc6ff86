import type { LoadResult } from './drive-load';

const out = (text: string) => process.stdout.write(`${text}\n`);

const ROWS: [string, (result: LoadResult) => string][] = [
  ['requests/s (mean)', (result) => result.requestsPerSecond.toFixed(0)],
  ['latency p50', (result) => `${result.p50Ms} ms`],
  ['latency p99', (result) => `${result.p99Ms} ms`],
  ['responses (timed)', (result) => String(result.responses)],
  ['non-2xx', (result) => String(result.non2xx)],
  ['errors (incl. timeouts)', (result) => String(result.errors)],
];

export const isClean = (result: LoadResult) => result.non2xx === 0 && result.errors === 0;

/** Both apps side by side, then any status code other than 200 each one answered. */
export function printResults(results: LoadResult[]): void {
  const lines = [
    ['', ...results.map((result) => result.app)],
    ...ROWS.map(([label, cell]) => [label, ...results.map(cell)]),
  ];
  const widths = lines[0]?.map((_, column) =>
    Math.max(...lines.map((line) => line[column]?.length ?? 0)),
  );
  for (const line of lines) {
    const cells = line.map((cell, column) =>
      column === 0 ? cell.padEnd(widths?.[column] ?? 0) : cell.padStart(widths?.[column] ?? 0),
    );
    out(`  ${cells.join('   ')}`);
  }
  for (const result of results.filter((each) => !isClean(each))) {
    const codes = Object.entries(result.statusCodes).filter(([code]) => code !== '200');
    out(`  ${result.app}: unexpected ${codes.map(([code, n]) => `${n} × ${code}`).join(', ')}`);
  }
}
