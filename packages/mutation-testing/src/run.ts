/**
 * pnpm test:mutation [--incremental] [express-api|fastify-api|test-utils …] [-- stryker options]
 *
 * --incremental: only mutants whose code or covering tests changed since the package's
 * committed stryker-incremental.json; the file is brought up to date, to commit with the change.
 * --with-baseline (CI): incremental, and only the packages that have that file.
 *
 * Runs Stryker in each package named (all by default), one after the other (each uses both
 * cores), then prints each package's score and its folders'. A package whose score falls
 * under its stryker.config.mjs `breakAt` fails the run (Stryker's thresholds.break).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { scoreTable } from './scores';
import { isTarget, TARGETS, type TargetName } from './targets';

const stryker = createRequire(__filename).resolve('@stryker-mutator/core/bin/stryker');

function parse(args: string[]): { targets: TargetName[]; strykerArgs: string[] } {
  const targets = args.filter(isTarget);
  const strykerArgs = args.filter((arg) => !isTarget(arg) && arg !== '--');
  return {
    targets: targets.length > 0 ? targets : (Object.keys(TARGETS) as TargetName[]),
    strykerArgs,
  };
}

function mutate(target: TargetName, strykerArgs: string[]): number {
  process.stdout.write(`\n== Stryker: ${target}\n`);
  const { status } = spawnSync(
    process.execPath,
    [stryker, 'run', 'stryker.config.mjs', ...strykerArgs],
    {
      cwd: TARGETS[target],
      stdio: 'inherit',
      // Stryker's workers run Jest once per mutant: the database harness stays up between runs.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, TESTBED_REUSE_HARNESS: '1' },
    },
  );
  return status ?? 1;
}

const { targets, strykerArgs } = parse(process.argv.slice(2));
const failed = targets.filter((target) => mutate(target, strykerArgs) !== 0);
for (const target of targets) {
  const report = join(TARGETS[target], 'reports/mutation/mutation.json');
  if (existsSync(report)) process.stdout.write(`\n${scoreTable(target, report)}\n`);
}
if (failed.length > 0) {
  process.stderr.write(`\nMutation testing failed for ${failed.join(', ')}.\n`);
  process.exitCode = 1;
}
