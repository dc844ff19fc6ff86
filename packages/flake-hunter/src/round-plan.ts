export interface Round {
  /** 1-based. */
  round: number;
  /** Jest's `--seed`: the order of files and of tests inside each file (`--randomize`). */
  seed: number;
  /** Jest's `--maxWorkers`: 1 runs in band, 2 runs files in parallel workers. */
  workers: number;
}

// A prime step keeps consecutive seeds far apart; Jest takes a signed 32-bit seed.
const SEED_STEP = 104_729;
const SEED_RANGE = 2 ** 31;

/** Each round its own seed, and the worker count alternating between 1 and 2. */
export function planRounds(rounds: number, baseSeed: number): Round[] {
  return Array.from({ length: rounds }, (_, index) => ({
    round: index + 1,
    seed: (baseSeed + index * SEED_STEP) % SEED_RANGE,
    workers: index % 2 === 0 ? 1 : 2,
  }));
}
