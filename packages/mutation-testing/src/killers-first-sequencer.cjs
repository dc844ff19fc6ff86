// @ts-check
/**
 * The order of a mutant's test files. Once a test fails the run bails (bail.cjs), so the sooner
 * a failing file comes, the shorter the run. Jest's own order (the slowest first, to fill
 * parallel workers) is the worst for that. The mutants of one module tend to be caught by the
 * same tests, so first come the files that killed earlier mutants of the active mutant's source
 * file (the latest first), then those whose tests reached that source file in the coverage run,
 * then the files that killed any recent mutant in this worker, then the rest; the quickest first
 * within each. What matters most is a static mutant, which runs every file that loaded it.
 */
const TestSequencer = require('@jest/test-sequencer').default;
const bail = require('./bail.cjs');
const coveringFiles = require('./covering-files.cjs');

/** @typedef {Parameters<TestSequencer['sort']>[0][number]} Test */

class KillersFirstSequencer extends TestSequencer {
  /** @override @param {Test[]} tests */
  sort(tests) {
    const ofSource = bail.sourceKillers().files;
    const recent = bail.killers();
    const rank = (/** @type {Test} */ test) => {
      const own = ofSource.indexOf(test.path);
      if (own !== -1) return own;
      if (coveringFiles.testsReachingActiveSource(test.path).length > 0) return ofSource.length;
      const killer = recent.indexOf(test.path);
      return ofSource.length + 1 + (killer === -1 ? recent.length : killer);
    };
    const time = (/** @type {Test} */ test) =>
      coveringFiles.duration(test.path) ?? Number.POSITIVE_INFINITY;
    return [...tests].sort((a, b) => rank(a) - rank(b) || time(a) - time(b) || 0);
  }
}

module.exports = KillersFirstSequencer;
