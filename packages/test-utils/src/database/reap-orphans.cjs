// @ts-check
// Cleans up after a test run that was killed before its teardown could run (Ctrl-C, a
// crashed Jest, a CI timeout). Started detached, as soon as there is something to clean; it
// watches the run's process and, once that is gone, stops the embedded server (whose pid is
// in its folder's postmaster.pid, if it got that far) and removes the folder, or drops the
// run's databases on an external server. A normal stop dismisses it first.
'use strict';
const { readFileSync, rmSync } = require('node:fs');

// A detached process: what it is to clean up comes in through its environment.
// eslint-disable-next-line no-restricted-properties
const { REAPER_WATCH_PID, REAPER_DATA_DIR, REAPER_ADMIN_URL, REAPER_PREFIX } = process.env;

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

// The first line of postmaster.pid is the server's pid; no file, no server (yet).
const serverPid = () => {
  try {
    return Number(readFileSync(`${REAPER_DATA_DIR}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
};

/** @param {string} dataDir */
async function stopEmbeddedServer(dataDir) {
  const pid = serverPid();
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  for (let waited = 0; pid && isAlive(pid) && waited < 10_000; waited += 50) await sleep(50);
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

main().catch(() => process.exit(1));
