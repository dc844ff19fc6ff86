import { integerFrom, type Env } from '../env-integer';

/**
 * How hard the property suites search (docs/hardening/hostile-input.md). The defaults keep
 * `pnpm test` quick; a bigger search or the replay of a failure sets them from the shell:
 * `TESTBED_PROPERTY_RUNS=2000 TESTBED_PROPERTY_SEED=7 pnpm --filter express-api test:contract`.
 */
export interface PropertyConfig {
  /** Generated cases per property. */
  runs: number;
  /** fast-check's seed: the same seed and runs generate the same cases. */
  seed: number;
}

export const DEFAULT_PROPERTY_CONFIG: PropertyConfig = { runs: 25, seed: 20300101 };

/** Reads and checks the two variables; a bad value fails with one line naming it. */
export function loadPropertyConfig(env: Env = process.env): PropertyConfig {
  return {
    runs: integerFrom(env, 'TESTBED_PROPERTY_RUNS', 1, 1_000_000, DEFAULT_PROPERTY_CONFIG.runs),
    // fast-check takes a 32-bit integer.
    seed: integerFrom(
      env,
      'TESTBED_PROPERTY_SEED',
      -(2 ** 31),
      2 ** 31 - 1,
      DEFAULT_PROPERTY_CONFIG.seed,
    ),
  };
}
