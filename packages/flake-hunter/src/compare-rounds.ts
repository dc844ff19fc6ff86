import { FILE_LEVEL, RUN_LEVEL, type Outcome } from './jest-report';
import type { Round } from './round-plan';

export interface RoundResult {
  round: Round;
  outcomes: Outcome[];
}

/** A test and, for each outcome it had, the rounds that had it. */
export interface TestHistory {
  package: string;
  file: string;
  name: string;
  /** `passed`, `failed`, `skipped`…, or `absent` in a round that did not report the test. */
  rounds: Map<string, Round[]>;
  /** The first failure message seen, to start the hunt from. */
  failure: string | undefined;
}

export interface Comparison {
  /** Tests whose outcome was not the same in every round: flakes. */
  changed: TestHistory[];
  /** Tests that failed in every round: not flakes, but the run is not green either. */
  alwaysFailed: TestHistory[];
  /** Real tests (not the file- or run-level entries) summed over the rounds. */
  testRuns: number;
  /** Distinct real tests seen in any round. */
  tests: number;
}

const keyOf = (outcome: Outcome) => `${outcome.package}\u0000${outcome.file}\u0000${outcome.name}`;
/** A test, not the file- or run-level entry that stands for what happened outside tests. */
export const isRealTest = (history: Pick<TestHistory, 'name'>) =>
  history.name !== FILE_LEVEL && history.name !== RUN_LEVEL;

/**
 * One outcome per test per round. A name that occurs twice in a file (a `test.each` with a
 * fixed title) counts as failed if either failed, else by its first status.
 */
function outcomesByKey(outcomes: Outcome[]): Map<string, Outcome> {
  const byKey = new Map<string, Outcome>();
  for (const outcome of outcomes) {
    const seen = byKey.get(keyOf(outcome));
    if (!seen || (outcome.status === 'failed' && seen.status !== 'failed')) {
      byKey.set(keyOf(outcome), outcome);
    }
  }
  return byKey;
}

function historyOf(first: Outcome, perRound: { round: Round; outcome: Outcome | undefined }[]) {
  const rounds = new Map<string, Round[]>();
  for (const { round, outcome } of perRound) {
    const status = outcome?.status ?? 'absent';
    rounds.set(status, [...(rounds.get(status) ?? []), round]);
  }
  const failure = perRound.find(({ outcome }) => outcome?.failure !== undefined)?.outcome?.failure;
  return { package: first.package, file: first.file, name: first.name, rounds, failure };
}

/** Every test's outcomes across the rounds: which changed, and which always failed. */
export function compareRounds(results: RoundResult[]): Comparison {
  const perRound = results.map((result) => ({ ...result, byKey: outcomesByKey(result.outcomes) }));
  const firstSeen = new Map<string, Outcome>();
  for (const { byKey } of perRound) {
    for (const [key, outcome] of byKey) if (!firstSeen.has(key)) firstSeen.set(key, outcome);
  }
  const histories = [...firstSeen].map(([key, first]) =>
    historyOf(
      first,
      perRound.map(({ round, byKey }) => ({ round, outcome: byKey.get(key) })),
    ),
  );
  const realTests = histories.filter(isRealTest);
  return {
    changed: histories.filter((history) => history.rounds.size > 1),
    alwaysFailed: histories.filter(
      (history) => history.rounds.size === 1 && history.rounds.has('failed'),
    ),
    testRuns: perRound.reduce(
      (sum, { byKey }) => sum + [...byKey.values()].filter(isRealTest).length,
      0,
    ),
    tests: realTests.length,
  };
}
