// `pnpm --filter @testbed/load-bench start`: both built apps under the same load, side by
// side. DURATION (s, default 10), WARMUP (s, default 2), CONNECTIONS (default 10) and
// APP_LOG_LEVEL change the run; README.md says what the numbers mean.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer } from '@testbed/test-utils';
import { CleanupStack } from './cleanup-stack';
import { loadSettings, type BenchSettings } from './config';
import { createDatabases } from './create-databases';
import { driveLoad, type LoadResult } from './drive-load';
import { prepareUsers } from './prepare-users';
import { isClean, printResults } from './print-results';
import { APP_NAMES, startApp, type RunningApp } from './start-app';

const out = (text: string) => process.stdout.write(`${text}\n`);

async function startApps(settings: BenchSettings, cleanup: CleanupStack): Promise<RunningApp[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'load-bench-'));
  cleanup.add('remove the temp folder', () => rm(workDir, { recursive: true, force: true }));
  const server = await startEmbeddedServer();
  cleanup.add('stop the database server', server.stop);
  const names = APP_NAMES.map((name) => `load_${name.replace('-', '_')}`);
  const urls = await createDatabases(server.url, names);
  const apps: RunningApp[] = [];
  for (const [index, name] of APP_NAMES.entries()) {
    const databaseUrl = urls[index] ?? '';
    const options = { databaseUrl, workDir: join(workDir, name), logLevel: settings.appLogLevel };
    const app = await startApp(name, options);
    cleanup.add(`stop ${name}`, async () => {
      const code = await app.stop();
      if (code !== 0) throw new Error(`${name} exited with ${String(code)} on SIGTERM`);
    });
    apps.push(app);
  }
  return apps;
}

/** One app at a time, so the two never compete for the cores. */
async function loadEach(apps: RunningApp[], settings: BenchSettings, cleanup: CleanupStack) {
  const load = new AbortController();
  cleanup.add('stop the load', () => {
    load.abort();
    return Promise.resolve();
  });
  const results: LoadResult[] = [];
  for (const app of apps) {
    const users = await prepareUsers(app, settings.connections);
    out(
      `  ${app.name}: ${users.length} users ready; ${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s timed`,
    );
    results.push(await driveLoad(app, users, { ...settings, signal: load.signal }));
  }
  return results;
}

async function main(): Promise<void> {
  const settings = loadSettings();
  const cleanup = new CleanupStack();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup.runAll().finally(() => process.exit(130)));
  }
  out(
    `Node ${process.version}, ${cpus().length} cores; ${settings.connections} connections per app, loopback`,
  );
  out('mix per connection: GET /api/profile, GET /api/users?limit=20, GET /api/users/{own id},');
  out('  GET /api/users/{other id}, PATCH /api/users/{own id} (name): 80 % reads, 20 % writes');
  try {
    const results = await loadEach(await startApps(settings, cleanup), settings, cleanup);
    out('');
    printResults(results);
    if (!results.every(isClean)) process.exitCode = 1;
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `load-bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
