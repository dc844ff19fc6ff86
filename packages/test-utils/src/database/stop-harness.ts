import type { Harness } from './test-database-harness';

/** Ends the run: drops its databases, stops the server, and says where kept ones are. */
export async function stopAndReport(harness: Harness): Promise<void> {
  const { kept } = await harness.stop();
  if (kept.length === 0) return;
  const lines = kept.map((url) => `  psql ${url}`);
  if (harness.embedded) {
    const { pid, dataDir } = harness.embedded;
    lines.push(
      `The embedded server is still running. Stop it with: kill ${pid} && rm -rf ${dataDir}`,
    );
  }
  process.stderr.write(`\nDatabases of failed test files, kept for you:\n${lines.join('\n')}\n`);
}
