import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ReaperTarget {
  embedded?: { pid: number; dataDir: string };
  external?: { adminUrl: string; runPrefix: string };
}

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
      REAPER_SERVER_PID: String(target.embedded?.pid ?? ''),
      REAPER_DATA_DIR: target.embedded?.dataDir ?? '',
      REAPER_ADMIN_URL: target.external?.adminUrl ?? '',
      REAPER_PREFIX: target.external?.runPrefix ?? '',
    },
  });
  child.unref();
  return () => {
    child.kill();
  };
}
