import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The embedded server's folder, or the run's databases on an external server. */
export type ReaperTarget = { dataDir: string } | { adminUrl: string; runPrefix: string };

/** Starts the watchdog in reap-orphans.cjs; returns the function that dismisses it. */
export function startOrphanReaper(target: ReaperTarget): () => void {
  const child = spawn(process.execPath, [join(__dirname, 'reap-orphans.cjs')], {
    detached: true,
    stdio: 'ignore',
    // Passed through the environment, so no password shows in the process list.
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child inherits our environment
      ...process.env,
      REAPER_WATCH_PID: String(process.pid),
      REAPER_DATA_DIR: 'dataDir' in target ? target.dataDir : '',
      REAPER_ADMIN_URL: 'adminUrl' in target ? target.adminUrl : '',
      REAPER_PREFIX: 'runPrefix' in target ? target.runPrefix : '',
    },
  });
  child.unref();
  return () => {
    child.kill();
  };
}
