// `pnpm bench`: where the time of a test run goes, measured here and now.
//   1. the whole `pnpm test`, nothing cached: wall time, tests per second, peak memory;
//   2. the database costs inside it, on the embedded server: start, template, per-file
//      database, and each way of resetting between tests.
// RUNS=1000 pnpm bench takes more samples of the resets (default 300); arguments after
// `--` go to turbo: `pnpm bench -- --filter=express-api`.
import { cpus, totalmem } from 'node:os';
import { createTestDatabase, startHarness, type Harness } from '../src';
import { fixtureHarness } from '../tests/fixtures/sql-migrations';
import { benchmarkFileDatabase, benchmarkServerStart } from './database-lifecycle';
import { measure, printTable } from './measure';
import { benchmarkResets } from './reset-strategies';
import { runWholeTestSuite } from './whole-test-run';

const GiB = 1024 ** 3;
const out = (text: string) => process.stdout.write(`${text}\n`);

async function printWholeRun() {
  const turboArgs = process.argv.slice(2).filter((arg) => arg !== '--');
  out(`\nWhole test run: turbo run test --force ${turboArgs.join(' ')} (every suite, no cache)`);
  const run = await runWholeTestSuite(turboArgs);
  for (const pkg of run.packages) {
    out(
      `  ${pkg.name.padEnd(22)} ${String(pkg.tests).padStart(4)} tests  ${(pkg.taskMs / 1000).toFixed(1).padStart(5)} s`,
    );
  }
  const tests = run.packages.reduce((sum, pkg) => sum + pkg.tests, 0);
  out(
    `  total: ${tests} tests in ${(run.wallMs / 1000).toFixed(1)} s wall = ${(tests / (run.wallMs / 1000)).toFixed(1)} tests/s; ` +
      `peak memory ${(run.peakMemoryBytes / GiB).toFixed(2)} GiB (PSS of every process, summed)`,
  );
  if (run.exitCode !== 0) throw new Error(`the test run failed (exit ${run.exitCode})`);
}

async function printDatabaseCosts(runs: number) {
  printTable('Embedded server', [await benchmarkServerStart(3)]);
  let harness: Harness | undefined;
  const template = await measure(1, async () => {
    harness = await startHarness(fixtureHarness);
  });
  if (!harness) throw new Error('the harness did not start');
  try {
    printTable('Once per run, once per test file', [
      { what: 'harness: server + migrated template', durations: template },
      ...(await benchmarkFileDatabase(harness.server, 30)),
    ]);
    const database = await createTestDatabase(harness.server);
    printTable(
      "Reset between tests, after a typical test's write",
      await benchmarkResets(database.url, runs),
    );
  } finally {
    await harness.stop();
  }
}

async function main() {
  out(`Node ${process.version}, ${cpus().length} cores, ${(totalmem() / GiB).toFixed(0)} GiB`);
  await printWholeRun();
  await printDatabaseCosts(Number(process.env.RUNS ?? 300));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
