import { jestWorkerId } from '../config';

/**
 * Deterministic unique values: the same tests in the same order get the same values, and two
 * Jest workers never produce the same one (the worker id is part of every value).
 */
export interface Sequence {
  next(): number;
  /** `user.w1.7@example.test` */
  email(label?: string): string;
  /** `user w1 7` */
  name(label?: string): string;
}

export function createSequence(workerId = jestWorkerId()): Sequence {
  let current = 0;
  const next = () => ++current;
  return {
    next,
    email: (label = 'user') => `${label}.w${workerId}.${next()}@example.test`,
    name: (label = 'User') => `${label} w${workerId} ${next()}`,
  };
}
