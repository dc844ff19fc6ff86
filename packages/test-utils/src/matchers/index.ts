import { toBeProblem, type ProblemExpectation } from './problem-matchers';

// One import in a Jest setup file turns the matchers on:
//   setupFilesAfterEnv: ['<rootDir>/test/support/matchers/index.ts']
expect.extend({ toBeProblem });

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how @types/jest is extended
  namespace jest {
    interface Matchers<R> {
      toBeProblem(status: number, expected?: ProblemExpectation): R;
    }
  }
}

export { toBeProblem, type ProblemExpectation, type ResponseLike } from './problem-matchers';
