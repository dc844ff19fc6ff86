import { integerFrom, type Env } from '../env-integer';

/**
 * How hard the differential suite searches (docs/hardening/differential.md). The defaults keep
 * `pnpm test` quick and reproducible; a long hunt or the replay of a failure sets them from the
 * shell: `TESTBED_DIFFERENTIAL_RUNS=2000 TESTBED_DIFFERENTIAL_SEED=7 pnpm --filter
 * @testbed/differential-tests test`.
 */
export interface DifferentialConfig {
  /** Generated request sequences. */
  runs: number;
  /** fast-check's seed: the same seed and runs generate the same sequences. */
  seed: number;
  /** fast-check's path to one failing sequence (from a report): replays it alone. */
  path: string | undefined;
}

export const DEFAULT_DIFFERENTIAL_CONFIG: DifferentialConfig = {
  runs: 30,
  seed: 20300101,
  path: undefined,
};

function pathFrom(env: Env): string | undefined {
  const raw = env.TESTBED_DIFFERENTIAL_PATH?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+(:\d+)*$/.test(raw))
    throw new Error(
      `TESTBED_DIFFERENTIAL_PATH must be fast-check's path, like "3:1:0", got "${raw}".`,
    );
  return raw;
}

/** Reads and checks the three variables; a bad value fails with one line naming it. */
export function loadDifferentialConfig(env: Env = process.env): DifferentialConfig {
  const { runs, seed } = DEFAULT_DIFFERENTIAL_CONFIG;
  return {
    runs: integerFrom(env, 'TESTBED_DIFFERENTIAL_RUNS', 1, 1_000_000, runs),
    // fast-check takes a 32-bit integer.
    seed: integerFrom(env, 'TESTBED_DIFFERENTIAL_SEED', -(2 ** 31), 2 ** 31 - 1, seed),
    path: pathFrom(env),
  };
}
