/**
 * pnpm test:mutation [--incremental | --with-baseline] [express-api|fastify-api|test-utils …]
 *                    [stryker options, such as --mutate 'src/auth/**']
 *
 * Runs Stryker in each package named (all by default), one after the other (each uses both
 * cores), then prints each package's score and its folders'. A package whose score falls
 * under its stryker.config.mjs `breakAt` fails the run (Stryker's thresholds.break).
 *
 * --incremental: only mutants whose code or covering tests changed since the package's
 * committed stryker-incremental.json, and the static mutants it did not record as killed (see
 * baseline.ts); the file is brought up to date, to commit with the change.
 * --with-baseline (CI): incremental, and only for the packages that have that file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { forgetUnsettledStaticMutants } from './baseline';
import { MAX_ERROR_SHARE, scoresOf, scoreTable, tooManyErrors } from './scores';
import { isTarget, TARGETS, type TargetName } from './targets';

// Its package exports no bin path; pnpm links the command here.
const stryker = join(__dirname, '../node_modules/.bin/stryker');
const BASELINE = 'stryker-incremental.json';
const hasBaseline = (target: TargetName) => existsSync(join(TARGETS[target], BASELINE));

function parse(args: string[]): { targets: TargetName[]; strykerArgs: string[] } {
  const named = args.filter(isTarget);
  const withBaseline = args.includes('--with-baseline');
  const options = args.filter((arg) => !isTarget(arg) && !['--', '--with-baseline'].includes(arg));
  const targets = named.length > 0 ? named : (Object.keys(TARGETS) as TargetName[]);
  if (!withBaseline) return { targets, strykerArgs: options };
  for (const target of targets.filter((name) => !hasBaseline(name)))
    process.stdout.write(`${target}: no ${BASELINE} committed, not mutated.\n`);
  return { targets: targets.filter(hasBaseline), strykerArgs: ['--incremental', ...options] };
}

const reportOf = (target: TargetName) => join(TARGETS[target], 'reports/mutation/mutation.json');

function mutate(target: TargetName, strykerArgs: string[]): number {
  process.stdout.write(`\n== Stryker: ${target}\n`);
  // A run that stops early writes no report: the table must not show an older run's.
  rmSync(reportOf(target), { force: true });
  if (strykerArgs.includes('--incremental') && hasBaseline(target)) {
    const dropped = forgetUnsettledStaticMutants(join(TARGETS[target], BASELINE));
    process.stdout.write(`${dropped} static mutants not killed in the baseline run again.\n`);
  }
  const { status } = spawnSync(stryker, ['run', 'stryker.config.mjs', ...strykerArgs], {
    cwd: TARGETS[target],
    stdio: 'inherit',
    // Stryker's workers run Jest once per mutant: the database harness stays up between runs.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, TESTBED_REUSE_HARNESS: '1' },
  });
  return status ?? 1;
}

const { targets, strykerArgs } = parse(process.argv.slice(2));
const failed = targets.filter((target) => mutate(target, strykerArgs) !== 0);
for (const target of targets) {
  const report = reportOf(target);
  if (!existsSync(report)) continue;
  process.stdout.write(`\n${scoreTable(target, report)}\n`);
  if (tooManyErrors(scoresOf(report).total)) {
    process.stderr.write(
      `${target}: over ${MAX_ERROR_SHARE * 100} % of its mutants errored instead of running ` +
        '(Stryker leaves them out of the score): a broken harness, not a good score.\n',
    );
    if (!failed.includes(target)) failed.push(target);
  }
}
if (failed.length > 0) {
  process.stderr.write(`\nMutation testing failed for ${failed.join(', ')}.\n`);
  process.exitCode = 1;
}
