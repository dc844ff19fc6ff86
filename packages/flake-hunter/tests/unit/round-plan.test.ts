// Unit tests of the round plan: every round its own seed, workers alternating (README.md).
import { planRounds } from '../../src/round-plan';

describe('planRounds', () => {
  it('gives every round its own seed and alternates one and two workers', () => {
    const rounds = planRounds(4, 42);

    expect(rounds.map((round) => round.workers)).toEqual([1, 2, 1, 2]);
    expect(new Set(rounds.map((round) => round.seed)).size).toBe(4);
    expect(rounds[0]).toEqual({ round: 1, seed: 42, workers: 1 });
  });

  it('keeps seeds within the signed 32-bit range Jest accepts', () => {
    const rounds = planRounds(3, 2 ** 31 - 1);

    for (const { seed } of rounds) expect(seed).toBeLessThan(2 ** 31);
  });

  it('plans the same rounds for the same base seed, so a run can be replayed', () => {
    expect(planRounds(5, 7)).toEqual(planRounds(5, 7));
  });
});
