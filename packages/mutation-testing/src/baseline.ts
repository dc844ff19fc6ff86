import { readFileSync, writeFileSync } from 'node:fs';

// Stryker's incremental file (mutation-testing-report-schema), the part read here.
interface Baseline {
  files: Record<string, { mutants: { status: string; static?: boolean }[] }>;
}

// Kept as they are: a kill is reused only while its killing test is unchanged, and a disabled
// mutant is not run at all.
const SETTLED = new Set(['Killed', 'Ignored']);

/**
 * Stryker reuses a mutant's result from the incremental file when its code did not change and,
 * for one that was not killed, when no new test covers it. A static mutant (active while
 * modules load) is covered by no test in Stryker's sense, so a static survivor was reused
 * however the tests changed: the test written to kill it was never tried. Dropping the static
 * mutants that were not killed from the file makes each run again.
 *
 * @returns how many were dropped
 */
export function forgetUnsettledStaticMutants(path: string): number {
  const baseline = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
  let dropped = 0;
  for (const file of Object.values(baseline.files)) {
    const kept = file.mutants.filter((mutant) => !mutant.static || SETTLED.has(mutant.status));
    dropped += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  writeFileSync(path, JSON.stringify(baseline));
  return dropped;
}
