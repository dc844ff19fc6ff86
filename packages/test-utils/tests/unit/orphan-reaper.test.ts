// Unit tests, no database: the watchdog that cleans up after a killed run (reap-orphans.cjs) is
// started detached, so it outlives the run, and is told what to clean through its environment,
// so no password shows in the process list. What it does once the run is gone is tested by
// killing a run, in embedded-server.test.ts. See docs/test-database.md.
import childProcess, { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startOrphanReaper } from '../../src/database/orphan-reaper';

const script = join(__dirname, '../../src/database/reap-orphans.cjs');

let spawn: jest.SpiedFunction<typeof childProcess.spawn>;
beforeEach(() => {
  spawn = jest.spyOn(childProcess, 'spawn');
});
const watchdog = () => spawn.mock.results[0]?.value as ChildProcess | undefined;
// Dismissed or not, no watchdog outlives its test.
afterEach(() => {
  watchdog()?.kill();
});

describe('startOrphanReaper', () => {
  it("on an external server, is told to drop the run's databases once this process is gone", () => {
    const target = {
      adminUrl: 'postgres://me:s3cret@db:5432/app_test',
      runPrefix: 'app_test_ab12cd_',
    };

    startOrphanReaper(target);

    expect(spawn).toHaveBeenCalledWith(process.execPath, [script], {
      detached: true,
      stdio: 'ignore',
      env: expect.objectContaining({
        REAPER_WATCH_PID: String(process.pid),
        REAPER_DATA_DIR: '',
        REAPER_ADMIN_URL: target.adminUrl,
        REAPER_PREFIX: target.runPrefix,
      }) as unknown,
    });
  });

  it('for the embedded server, is told to stop it and remove its folder', () => {
    startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });

    expect(spawn).toHaveBeenCalledWith(
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

  it('ends the watchdog when dismissed', () => {
    const dismiss = startOrphanReaper({ dataDir: '/nonexistent/testbed-pg' });

    dismiss();

    expect(watchdog()?.killed).toBe(true);
  });
});
