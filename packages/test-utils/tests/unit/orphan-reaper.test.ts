// Unit tests, no database: the watchdog that cleans up after a killed run (reap-orphans.cjs) is
// started outside this process's tree, so it outlives the run however the run is killed, and is
// told what to clean through its environment, so no password shows in the process list. What it
// does once the run is gone is tested by killing a run, in embedded-server.test.ts. See
// docs/test-database.md.
import childProcess from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOrphanReaper } from '../../src/database/orphan-reaper';

const script = join(__dirname, '../../src/database/reap-orphans.cjs');

let spawnSync: jest.SpiedFunction<typeof childProcess.spawnSync>;
let dismiss: (() => void) | undefined;
beforeEach(() => {
  spawnSync = jest.spyOn(childProcess, 'spawnSync');
});
// Dismissed or not, no watchdog outlives its test.
afterEach(() => {
  dismiss?.();
  dismiss = undefined;
  spawnSync.mockRestore();
});

// The launcher prints the watchdog's pid.
const watchdogPid = () =>
  Number((spawnSync.mock.results[0]?.value as childProcess.SpawnSyncReturns<string>).stdout);

// /proc/<pid>/stat: "pid (name) state ppid ...". Gone or a zombie: not running.
const stat = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^\d+ \(.*\) /, '')
      .split(' ');
  } catch {
    return undefined;
  }
};
const isRunning = (pid: number) => ![undefined, 'Z'].includes(stat(pid)?.[0]);

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe('startOrphanReaper', () => {
  it("on an external server, is told to drop the run's databases once this process is gone", () => {
    const target = {
      adminUrl: 'postgres://me:s3cret@db:5432/app_test',
      runPrefix: 'app_test_ab12cd_',
    };

    dismiss = startOrphanReaper(target);

    expect(spawnSync).toHaveBeenCalledWith(
      process.execPath,
      [script],
      expect.objectContaining({
        env: expect.objectContaining({
          REAPER_WATCH_PID: String(process.pid),
          REAPER_DATA_DIR: '',
          REAPER_ADMIN_URL: target.adminUrl,
          REAPER_PREFIX: target.runPrefix,
        }) as unknown,
      }),
    );
  });

  it('for the embedded server, is told to stop it and remove its folder', () => {
    dismiss = startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });

    expect(spawnSync).toHaveBeenCalledWith(
      process.execPath,
      [script],
      expect.objectContaining({
        env: expect.objectContaining({
          REAPER_DATA_DIR: '/nonexistent/testbed-pg',
          REAPER_ADMIN_URL: '',
          REAPER_PREFIX: '',
        }) as unknown,
      }),
    );
  });

  // Stryker, on a timed-out worker, kills the worker and every process whose parent chain
  // leads to it (tree-kill): a watchdog among them could not clean up after the run.
  it("runs outside this process's tree: its parent is not this process, and it runs on", () => {
    dismiss = startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });

    const pid = watchdogPid();
    expect(isRunning(pid)).toBe(true);
    expect(Number(stat(pid)?.[1])).not.toBe(process.pid);
  });

  // Once it has gone, its pid may be given to another process: a second signal could hit that.
  it.each([
    [
      'the launcher cannot run',
      { error: new Error('spawnSync node ENOENT'), stdout: '' },
      'spawnSync node ENOENT',
    ],
    [
      'the launcher prints no pid',
      { stdout: 'Error: Cannot find module' },
      'Error: Cannot find module',
    ],
  ])('says the watchdog did not start, and why, when %s', (_case, launched, why) => {
    spawnSync.mockReturnValueOnce({
      pid: 0,
      output: [],
      stderr: '',
      status: 1,
      signal: null,
      ...launched,
    });

    const starting = () => startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });

    expect(starting).toThrow(`The orphan reaper did not start: ${why}`);
  });

  it('signals the watchdog once, however many times it is dismissed', () => {
    const dismissWatchdog = startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });
    const kill = jest.spyOn(process, 'kill');

    dismissWatchdog();
    dismissWatchdog();

    expect(kill.mock.calls).toEqual([[watchdogPid()]]);
    kill.mockRestore();
  });

  it('ends the watchdog when dismissed', async () => {
    const dismissWatchdog = startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });
    const pid = watchdogPid();

    dismissWatchdog();

    expect(await waitFor(() => !isRunning(pid))).toBe(true);
  });
});
