// @ts-check
// Cleans up after a test run that was killed before its teardown could run (Ctrl-C, a
// crashed Jest, a CI timeout). Started detached, as soon as there is something to clean; it
// watches the run's process and, once that is gone, stops the embedded server (whose pid is
// in its folder's postmaster.pid, if it got that far) and removes the folder, or drops the
// run's databases on an external server. A normal stop dismisses it first.
//
// Run first with REAPER_LAUNCH set, it is the launcher: it starts the watchdog proper detached,
// prints its pid and exits, so the watchdog's parent is no longer the run (see orphan-reaper.ts).
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');

// A detached process: what it is to clean up comes in through its environment.
// eslint-disable-next-line no-restricted-properties
const { REAPER_LAUNCH, ...environment } = process.env;
const { REAPER_WATCH_PID, REAPER_DATA_DIR, REAPER_ADMIN_URL, REAPER_PREFIX } = environment;

// A process that exited but was not yet reaped by its (new) parent is a zombie: dead to us.
/** @param {string | number} pid */
const isZombie = (pid) => {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
/** @param {string | number} pid */
const isAlive = (pid) => {
  try {
    process.kill(Number(pid), 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
};
/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} dataDir */
const pidFile = (dataDir) => `${dataDir}/postmaster.pid`;

// postmaster.pid: the server's pid on line 1, its System V shared memory key and id on line 7.
// No file, no server (yet).
/** @param {string} dataDir */
const serverOf = (dataDir) => {
  try {
    const lines = readFileSync(pidFile(dataDir), 'utf8').split('\n');
    return { pid: Number(lines[0]), shmemId: lines[6]?.trim().split(/\s+/)[1] };
  } catch {
    return undefined;
  }
};

/** @param {string} dataDir */
async function stopEmbeddedServer(dataDir) {
  const server = serverOf(dataDir);
  const pid = server?.pid;
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  for (let waited = 0; pid && isAlive(pid) && waited < 10_000; waited += 50) await sleep(50);
  // A server that stops removes its pid file and its System V segment; one killed outright
  // (SIGKILL, as a process-tree kill sends) leaves both, and the segment outlives the folder.
  if (server?.shmemId && existsSync(pidFile(dataDir))) {
    try {
      execFileSync('ipcrm', ['-m', server.shmemId], { stdio: 'ignore' });
    } catch {
      // Gone already, or no ipcrm: nothing more this watchdog can do.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function dropRunDatabases() {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: REAPER_ADMIN_URL });
  await client.connect();
  const { rows } = await client.query(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [REAPER_PREFIX],
  );
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS "${datname.replaceAll('"', '""')}" WITH (FORCE)`);
  }
  await client.end();
}

async function main() {
  while (REAPER_WATCH_PID !== undefined && isAlive(REAPER_WATCH_PID)) await sleep(100);
  if (REAPER_DATA_DIR) await stopEmbeddedServer(REAPER_DATA_DIR);
  else await dropRunDatabases();
}

if (REAPER_LAUNCH) {
  const watchdog = spawn(process.execPath, [__filename], {
    detached: true,
    stdio: 'ignore',
    env: environment,
  });
  process.stdout.write(String(watchdog.pid));
  watchdog.unref();
} else {
  main().catch(() => process.exit(1));
}
