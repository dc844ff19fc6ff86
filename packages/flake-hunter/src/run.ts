// `pnpm --filter @testbed/flake-hunter start`: every package's Jest suites, ROUNDS times
// (default 10), each round in a new random order and with 1 or 2 workers; reports every test
// whose result changed. SEED fixes the seeds, PACKAGES narrows the run; see README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRounds, type RoundResult } from './compare-rounds';
import { loadSettings } from './config';
import { findTestPackages, listWorkspace, type TestPackage } from './find-test-packages';
import { printComparison, printRoundLine } from './print-report';
import { planRounds, type Round } from './round-plan';
import { runPackageRound } from './run-jest';
import { changedFiles, snapshotSources } from './source-snapshot';

const out = (text: string) => process.stdout.write(`${text}\n`);
const ROOT = join(__dirname, '../../..');

function reportEdits(dirs: string[], before: Map<string, number>) {
  const edited = changedFiles(before, snapshotSources(dirs), ROOT);
  if (edited.length === 0) return;
  out(`\nFiles that changed while the hunt ran. A result above that changed with one of these`);
  out(`may come from the edit, not a flake: run again on a quiet tree.`);
  for (const file of edited.slice(0, 20)) out(`  ${file}`);
  if (edited.length > 20) out(`  … and ${edited.length - 20} more`);
}

/** The packages one after another, as each one's Jest already uses both cores. */
async function runRound(packages: TestPackage[], round: Round, reportDir: string) {
  const start = performance.now();
  const outcomes = [];
  for (const pkg of packages) outcomes.push(...(await runPackageRound(pkg, round, reportDir)));
  printRoundLine(round, outcomes, (performance.now() - start) / 1000);
  return outcomes;
}

async function main(): Promise<void> {
  const settings = loadSettings();
  const workspace = await listWorkspace();
  const packages = findTestPackages(workspace, settings.packages);
  // Every package but the root, whose folder holds them all: a shared config counts too.
  const watched = workspace.map((pkg) => pkg.path).filter((dir) => dir !== ROOT);
  const rounds = planRounds(settings.rounds, settings.baseSeed);
  out(
    `${rounds.length} rounds of ${packages.map((pkg) => pkg.name).join(', ')}; SEED=${settings.baseSeed}`,
  );
  const reportDir = mkdtempSync(join(tmpdir(), 'flake-hunter-'));
  const removeReports = () => rmSync(reportDir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    removeReports();
    process.exit(130);
  });
  const start = performance.now();
  const sources = snapshotSources(watched);
  try {
    const results: RoundResult[] = [];
    for (const round of rounds) {
      results.push({ round, outcomes: await runRound(packages, round, reportDir) });
    }
    const comparison = compareRounds(results);
    printComparison(comparison, rounds.length, (performance.now() - start) / 1000);
    reportEdits(watched, sources);
    if (comparison.changed.length > 0 || comparison.alwaysFailed.length > 0) process.exitCode = 1;
  } finally {
    removeReports();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `flake-hunter failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
