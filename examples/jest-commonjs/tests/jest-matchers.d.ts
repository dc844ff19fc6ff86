// The copy's matchers/index.js registers toBeProblem with expect.extend. Its TypeScript source
// also declares the matcher to @types/jest; a JavaScript copy loses that declaration, and this
// puts it back for `tsc` (packages/test-utils/src/matchers/index.ts has the original).
declare global {
  namespace jest {
    interface Matchers<R> {
      toBeProblem(
        status: number,
        expected?: {
          title?: unknown;
          detail?: unknown;
          type?: unknown;
          errors?: { path: unknown; message?: unknown }[];
        },
      ): R;
    }
  }
}

export {};
