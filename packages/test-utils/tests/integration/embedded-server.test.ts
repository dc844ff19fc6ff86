// Test environment: the embedded server leaves nothing behind, whether the run ends well or is
// killed before its teardown (Ctrl-C, a CI timeout). Each case runs the harness in a child process.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

interface StartedServer {
  pid: number;
  dataDir: string;
}

function runHarness(mode: 'stop' | 'hang') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../fixtures/run-harness.ts'), mode],
    {
      cwd: join(__dirname, '../..'),
      // Without this the child would take the parent's external server and skip the embedded one.
      env: { ...process.env, TEST_DATABASE_URL: '', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = new Promise<StartedServer>((resolve) => {
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve(JSON.parse(line) as StartedServer),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, started, exited };
}

// Gone, or a zombie waiting for its new parent to reap it: either way, not running.
const isRunning = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

// Every process whose parent chain leads to root, found as tree-kill finds them.
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const afterName = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^\d+ \(.*\) /, '');
      parentOf.set(Number(entry), Number(afterName.split(' ')[1]));
    } catch {
      // Ended while we looked.
    }
  }
  const tree = [root];
  for (const parent of tree)
    for (const [pid, ppid] of parentOf) if (ppid === parent) tree.push(pid);
  return tree;
}

// Line 7 of postmaster.pid: the server's System V shared memory key and id.
const sharedMemoryId = (dataDir: string) =>
  readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[6]?.trim().split(/\s+/)[1];

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

// Each test starts processes of its own (a server, a Jest run): about a second alone, more
// on a busy machine, so they get more than Jest's default 5 s.
jest.setTimeout(30_000);

describe('the embedded server', () => {
  it('is stopped and its folder removed when the run stops it', async () => {
    const run = runHarness('stop');
    const server = await run.started;

    const exitCode = await run.exited;

    expect(exitCode).toBe(0);
    expect(isRunning(server.pid)).toBe(false);
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it('is stopped and its folder removed when the run is killed before its teardown', async () => {
    const run = runHarness('hang');
    const server = await run.started;
    expect(isRunning(server.pid)).toBe(true);

    run.child.kill('SIGKILL');
    await run.exited;

    expect(await waitFor(() => !isRunning(server.pid) && !existsSync(server.dataDir))).toBe(true);
  });

  // As Stryker kills a timed-out worker: SIGKILL to the run and every process under it, the
  // server included, which then cannot remove its shared memory itself.
  it("leaves nothing behind when the run's whole process tree is killed at once", async () => {
    const run = runHarness('hang');
    const server = await run.started;
    const shmemId = sharedMemoryId(server.dataDir);
    expect(shmemId).toMatch(/^\d+$/);

    for (const pid of processTree(run.child.pid ?? 0)) process.kill(pid, 'SIGKILL');
    await run.exited;

    expect(await waitFor(() => !isRunning(server.pid) && !existsSync(server.dataDir))).toBe(true);
    const segments = readFileSync('/proc/sysvipc/shm', 'utf8').split('\n').slice(1);
    expect(segments.map((line) => line.trim().split(/\s+/)[1])).not.toContain(shmemId);
  });
});
