// `pnpm bench`: where a test run's database time goes, measured on the embedded server.
// RUNS=500 pnpm bench for more samples; the defaults take about ten seconds.
import { cpus } from 'node:os';
import { createTestDatabase, startHarness, type Harness } from '../src';
import { fixtureHarness } from '../tests/fixtures/sql-migrations';
import { benchmarkFileDatabase, benchmarkServerStart } from './database-lifecycle';
import { measure, printTable } from './measure';
import { benchmarkResets } from './reset-strategies';

async function main() {
  const runs = Number(process.env.RUNS ?? 300);
  process.stdout.write(
    `Node ${process.version}, ${cpus().length} cores; ${runs} resets per strategy\n`,
  );

  printTable('Server', [await benchmarkServerStart(3)]);

  let harness: Harness | undefined;
  const template = await measure(1, async () => {
    harness = await startHarness(fixtureHarness);
  });
  if (!harness) throw new Error('the harness did not start');
  try {
    printTable('Per run and per test file', [
      { what: 'harness: server + migrated template', durations: template },
      ...(await benchmarkFileDatabase(harness.server, 30)),
    ]);
    const database = await createTestDatabase(harness.server);
    printTable(
      "Reset between tests (after a typical test's write)",
      await benchmarkResets(database.url, runs),
    );
  } finally {
    await harness.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
