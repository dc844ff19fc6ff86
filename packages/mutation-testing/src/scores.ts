import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Stryker's JSON report (mutation-testing-report-schema), the part read here.
interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

export interface Tally {
  detected: number;
  undetected: number;
  ignored: number;
  invalid: number;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function add(tally: Tally, status: string) {
  if (DETECTED.has(status)) tally.detected += 1;
  else if (UNDETECTED.has(status)) tally.undetected += 1;
  else if (status === 'Ignored') tally.ignored += 1;
  else tally.invalid += 1;
}

const empty = (): Tally => ({ detected: 0, undetected: 0, ignored: 0, invalid: 0 });

/** Stryker's mutation score: detected (killed or timed out) over all valid, covered or not. */
export const score = ({ detected, undetected }: Tally) =>
  detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);

/** The tally of the whole report, and of each folder that holds a mutated file. */
export function scoresOf(reportPath: string): { total: Tally; folders: Map<string, Tally> } {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  const total = empty();
  const folders = new Map<string, Tally>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = folders.get(dirname(file)) ?? empty();
    folders.set(dirname(file), folder);
    for (const { status } of mutants) {
      add(total, status);
      add(folder, status);
    }
  }
  return { total, folders: new Map([...folders].sort(([a], [b]) => a.localeCompare(b))) };
}

const row = (name: string, tally: Tally) =>
  `| ${name} | ${score(tally).toFixed(1)} % | ${tally.detected} | ${tally.undetected} | ${tally.ignored} | ${tally.invalid} |`;

/**
 * Mutants whose run errored (Stryker's RuntimeError, CompileError) count in no score, so a
 * harness that breaks under mutants looks like a high score over few mutants. More than this
 * share of them and the score is not to be trusted: the run fails.
 */
export const MAX_ERROR_SHARE = 0.02;

export function tooManyErrors({ detected, undetected, ignored, invalid }: Tally): boolean {
  return invalid > MAX_ERROR_SHARE * (detected + undetected + ignored + invalid);
}

/** A Markdown table: the package's line, then its folders'. */
export function scoreTable(name: string, reportPath: string): string {
  const { total, folders } = scoresOf(reportPath);
  return [
    '| package / folder | score | detected | undetected | ignored | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    row(`**${name}**`, total),
    ...[...folders].map(([folder, tally]) => row(`${name}/${folder}`, tally)),
  ].join('\n');
}
