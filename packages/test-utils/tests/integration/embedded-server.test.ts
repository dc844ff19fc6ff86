// Test environment: the embedded server leaves nothing behind, whether the run ends well or is
// killed before its teardown (Ctrl-C, a CI timeout). Each case runs the harness in a child process.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
});
