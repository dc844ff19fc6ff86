// Unit tests of the flake comparison: a test whose outcome differs between rounds (README.md).
import { compareRounds, type RoundResult } from '../../src/compare-rounds';
import type { Outcome } from '../../src/jest-report';

const outcome = (name: string, status: string, failure?: string): Outcome => ({
  package: 'pkg',
  file: 'tests/a.test.ts',
  name,
  status,
  failure,
});
const round = (number: number, outcomes: Outcome[]): RoundResult => ({
  round: { round: number, seed: number * 10, workers: number % 2 === 1 ? 1 : 2 },
  outcomes,
});

describe('compareRounds', () => {
  it('reports nothing when every test has the same outcome in every round', () => {
    const rounds = [1, 2, 3].map((n) =>
      round(n, [outcome('a', 'passed'), outcome('b', 'skipped')]),
    );

    const comparison = compareRounds(rounds);

    expect(comparison).toMatchObject({ changed: [], alwaysFailed: [], tests: 2, testRuns: 6 });
  });

  it('reports a test that passed in one round and failed in another, with both rounds', () => {
    const rounds = [
      round(1, [outcome('a', 'passed')]),
      round(2, [outcome('a', 'failed', 'Error: x')]),
    ];

    const { changed } = compareRounds(rounds);

    expect(changed).toHaveLength(1);
    expect(changed[0]?.rounds.get('passed')).toEqual([{ round: 1, seed: 10, workers: 1 }]);
    expect(changed[0]?.rounds.get('failed')).toEqual([{ round: 2, seed: 20, workers: 2 }]);
    expect(changed[0]?.failure).toBe('Error: x');
  });

  it('reports a test missing from a round as changed', () => {
    const rounds = [round(1, [outcome('a', 'passed')]), round(2, [])];

    const { changed } = compareRounds(rounds);

    expect(changed[0]?.rounds.get('absent')).toEqual([{ round: 2, seed: 20, workers: 2 }]);
  });

  it('reports a test that failed in every round as failed, not as a flake', () => {
    const rounds = [1, 2].map((n) => round(n, [outcome('a', 'failed')]));

    const comparison = compareRounds(rounds);

    expect(comparison.changed).toEqual([]);
    expect(comparison.alwaysFailed.map((history) => history.name)).toEqual(['a']);
  });

  it('counts a name repeated in one file once per round, failed if either failed', () => {
    const rounds = [
      round(1, [outcome('a', 'passed'), outcome('a', 'passed')]),
      round(2, [outcome('a', 'passed'), outcome('a', 'failed')]),
    ];

    const comparison = compareRounds(rounds);

    expect(comparison.changed.map((history) => history.name)).toEqual(['a']);
    expect(comparison.testRuns).toBe(2);
  });
});
