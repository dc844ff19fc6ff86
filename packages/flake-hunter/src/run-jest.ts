import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestPackage } from './find-test-packages';
import { outcomesOf, type JestJson, type Outcome } from './jest-report';
import type { Round } from './round-plan';

const TAIL_LINES = 10;

/** Runs Jest and keeps the end of its stderr, where a crash says what happened. */
function runJest(pkg: TestPackage, args: string[]): Promise<{ code: number | null; tail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pkg.jestBin, ...args], {
      cwd: pkg.dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      tail = `${tail}${chunk.toString()}`
        .split('\n')
        .slice(-TAIL_LINES * 4)
        .join('\n');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, tail: tail.trim().split('\n').slice(-TAIL_LINES).join('\n') });
    });
  });
}

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

/**
 * One package's suites in one round: random order under the round's seed, its worker count,
 * per-test results in a JSON file of their own.
 */
export async function runPackageRound(
  pkg: TestPackage,
  round: Round,
  reportDir: string,
): Promise<Outcome[]> {
  const outputFile = join(reportDir, `${slug(pkg.name)}-round-${round.round}.json`);
  const { code, tail } = await runJest(pkg, [
    '--ci',
    '--randomize',
    `--seed=${round.seed}`,
    `--maxWorkers=${round.workers}`,
    '--json',
    `--outputFile=${outputFile}`,
  ]);
  const report = existsSync(outputFile)
    ? (JSON.parse(readFileSync(outputFile, 'utf8')) as JestJson)
    : undefined;
  return outcomesOf(pkg.name, pkg.dir, report, code, tail);
}
