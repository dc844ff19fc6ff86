// A Vitest setup file: `setupFiles: ['./test/support/vitest/matchers.ts']` turns the matchers on.
import { expect } from 'vitest';
import { toBeProblem, type ProblemExpectation } from '../matchers/problem-matchers';

expect.extend({ toBeProblem });

declare module 'vitest' {
  interface Matchers<T> {
    toBeProblem: (status: number, expected?: ProblemExpectation) => T;
  }
}
