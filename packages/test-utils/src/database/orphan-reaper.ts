import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The embedded server's folder, or the run's databases on an external server. */
export type ReaperTarget = { dataDir: string } | { adminUrl: string; runPrefix: string };

/**
 * Starts the watchdog in reap-orphans.cjs; returns the function that dismisses it.
 *
 * The watchdog is started through a short-lived launcher, so that its parent is not this
 * process: a tool that kills this process's whole tree at once (Stryker on a timed-out worker,
 * anything built on tree-kill) finds its victims by their parent, and would kill the watchdog
 * with the run it was there to clean up after.
 */
export function startOrphanReaper(target: ReaperTarget): () => void {
  const launched = spawnSync(process.execPath, [join(__dirname, 'reap-orphans.cjs')], {
    // Stryker disable next-line StringLiteral: equivalent, Number() reads the pid from a Buffer as from text
    encoding: 'utf8',
    // Stryker disable next-line ArrayDeclaration,StringLiteral: equivalent, the launcher writes only its pid, to stdout, and reads nothing
    stdio: ['ignore', 'pipe', 'ignore'],
    // Passed through the environment, so no password shows in the process list.
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child inherits our environment
      ...process.env,
      REAPER_LAUNCH: '1',
      REAPER_WATCH_PID: String(process.pid),
      REAPER_DATA_DIR: 'dataDir' in target ? target.dataDir : '',
      REAPER_ADMIN_URL: 'adminUrl' in target ? target.adminUrl : '',
      REAPER_PREFIX: 'runPrefix' in target ? target.runPrefix : '',
    },
  });
  const pid = Number(launched.stdout);
  if (!Number.isInteger(pid) || pid <= 0)
    throw new Error(
      `The orphan reaper did not start: ${launched.error?.message ?? launched.stdout}`,
    );
  // Signalled once only: once it has gone, its pid may be another process's.
  let dismissed = false;
  return () => {
    if (dismissed) return;
    dismissed = true;
    try {
      process.kill(pid);
    } catch {
      // Ended by someone else already: there is nothing left to dismiss.
    }
  };
}
