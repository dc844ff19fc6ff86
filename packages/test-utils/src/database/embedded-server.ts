import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findPostgresBinaries } from './embedded-binaries';
import { findFreePort } from './free-port';
import { startOrphanReaper } from './orphan-reaper';
import { postgresSystemUser, type SystemUser } from './postgres-system-user';

export interface EmbeddedServer {
  /** Superuser URL of the server's `postgres` database. */
  url: string;
  dataDir: string;
  pid: number;
  /** Fast shutdown, then the data folder is removed. */
  stop: () => Promise<void>;
  /** Leaves the server running after this process exits (to inspect a kept database). */
  release: () => void;
}

// Durability buys nothing in a throwaway server; these make writes several times cheaper.
const TEST_TUNING = [
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'autovacuum=off',
  'max_connections=200',
  // Loopback only, and no Unix socket left behind in /tmp.
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  // Dynamic shared memory in files in the cluster's folder, not in /dev/shm, where a server
  // killed outright (SIGKILL, before it can clean up) would leave its segments.
  'dynamic_shared_memory_type=mmap',
];

const run = promisify(execFile);

/**
 * The cluster is thrown away after the run, so it may as well live in memory: on Linux,
 * /dev/shm. Creating a database writes some 300 files, and on a disk-backed /tmp each file
 * creation can cost a millisecond (measured here: 1 ms on ext4, 6 µs on tmpfs).
 */
function parentFolder(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

async function initCluster(initdb: string, dataDir: string, user: SystemUser | undefined) {
  await run(
    initdb,
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { ...user },
  );
}

function launch(binary: string, dataDir: string, port: number, user: SystemUser | undefined) {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const flags = TEST_TUNING.flatMap((setting) => ['-c', setting]);
  // Detached with its output in a file: the server does not hold the test run's terminal,
  // and can be left running on purpose (TESTBED_KEEP_FAILED_DB).
  const child = spawn(binary, ['-D', dataDir, '-p', String(port), ...flags], {
    ...user,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.unref();
  return { child, logFile };
}

async function waitUntilReady(url: string, exited: () => boolean) {
  for (const deadline = Date.now() + 15_000; ;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return true;
    } catch {
      if (exited()) return false;
      if (Date.now() > deadline)
        throw new Error('The embedded PostgreSQL server did not answer within 15 s.');
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

const lastLines = (file: string) =>
  readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');

/**
 * Starts the server on a free port. Another process can take the port between our check and
 * the server's bind, so a server that exits at once is started again on another port.
 */
async function startOnFreePort(postgres: string, dataDir: string, user: SystemUser | undefined) {
  for (let attempt = 1; ; attempt += 1) {
    const port = await findFreePort();
    const { child, logFile } = launch(postgres, dataDir, port, user);
    let exited = false;
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    void exit.then(() => (exited = true));
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    try {
      if (await waitUntilReady(url, () => exited)) return { child, exit, url };
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    if (attempt === 3)
      throw new Error(`The embedded PostgreSQL server did not start:\n${lastLines(logFile)}`);
  }
}

/** initdb into a new folder in memory, then start the server on a free loopback port. */
export async function startEmbeddedServer(): Promise<EmbeddedServer> {
  const binaries = await findPostgresBinaries();
  const user = postgresSystemUser();
  const dataDir = join(parentFolder(), `testbed-pg-${randomBytes(6).toString('hex')}`);
  mkdirSync(dataDir, { mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  // From here on there is something to clean up, even if this process is killed mid-start.
  const dismissReaper = startOrphanReaper({ dataDir });
  try {
    await initCluster(binaries.initdb, dataDir, user);
    const { child, exit, url } = await startOnFreePort(binaries.postgres, dataDir, user);
    const stop = async () => {
      // ref(): keep this process alive until the server has really gone. SIGINT is
      // PostgreSQL's fast shutdown: open sessions are ended, not waited for.
      child.ref();
      child.kill('SIGINT');
      await exit;
      rmSync(dataDir, { recursive: true, force: true });
      dismissReaper();
    };
    return { url, dataDir, pid: child.pid ?? 0, stop, release: dismissReaper };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    dismissReaper();
    throw error;
  }
}
