// The test a mutant's run puts in place of a test file that failed to load with the mutant on
// (bailing-runtime.cjs): the file loaded without it in the first run, so the mutant broke it.
/* global test */
test('the test file failed to load with the mutant on', () => {
  throw globalThis.__testbedMutantLoadError;
});
