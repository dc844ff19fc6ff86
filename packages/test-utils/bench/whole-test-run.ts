import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { watchPeakMemory } from './process-memory';

const ROOT = join(__dirname, '../../..');

interface TaskSummary {
  package: string;
  task: string;
  execution: { startTime: number; endTime: number; exitCode: number };
}

export interface WholeRun {
  wallMs: number;
  peakMemoryBytes: number;
  exitCode: number;
  packages: { name: string; tests: number; taskMs: number }[];
}

// Jest: "Tests:       4 passed, 4 total"; Vitest, once its colours are removed: "Tests  4 passed (4)".
const SUMMARIES = [/^(\S+):test: Tests:.*?(\d+) total/gm, /^(\S+):test: +Tests +.*\((\d+)\)\s*$/gm];
// eslint-disable-next-line no-control-regex -- the escape sequences of terminal colours
const COLOURS = /\u001b\[[0-9;]*m/g;

function testsPerPackage(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  const plain = output.replace(COLOURS, '');
  for (const summary of SUMMARIES) {
    for (const match of plain.matchAll(summary)) {
      counts.set(match[1] ?? '', (counts.get(match[1] ?? '') ?? 0) + Number(match[2]));
    }
  }
  return counts;
}

function newestRunSummary(): TaskSummary[] {
  const dir = join(ROOT, '.turbo/runs');
  const newest = readdirSync(dir)
    .map((file) => join(dir, file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error('turbo wrote no run summary');
  return (JSON.parse(readFileSync(newest, 'utf8')) as { tasks: TaskSummary[] }).tasks;
}

/**
 * `pnpm test` as a reader runs it (turbo, which runs each package's Jest), with the cache
 * off: every package, every suite. `turboArgs` narrows it, e.g. `--filter=express-api`.
 */
export async function runWholeTestSuite(turboArgs: string[] = []): Promise<WholeRun> {
  const start = performance.now();
  const turbo = join(ROOT, 'node_modules/.bin/turbo');
  const child = spawn(
    turbo,
    ['run', 'test', '--force', '--summarize', '--output-logs=full', ...turboArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stopWatching = watchPeakMemory(child.pid ?? process.pid);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) =>
    child.once('exit', (code) => resolve(code ?? 1)),
  );
  const wallMs = performance.now() - start;
  const peakMemoryBytes = stopWatching();
  if (exitCode !== 0) process.stdout.write(output);
  const tests = testsPerPackage(output);
  const packages = newestRunSummary()
    .filter((task) => task.task === 'test')
    .map((task) => ({
      name: task.package,
      tests: tests.get(task.package) ?? 0,
      taskMs: task.execution.endTime - task.execution.startTime,
    }));
  return { wallMs, peakMemoryBytes, exitCode, packages };
}
