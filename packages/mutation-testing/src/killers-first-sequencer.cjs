// @ts-check
/**
 * The order of a mutant's test files. Once a test fails the run bails (bail.cjs), so the sooner
 * a failing file comes, the shorter the run. Jest's own order (the slowest first, to fill
 * parallel workers) is the worst for that; mutants of one module tend to be killed by the same
 * file, so the files that killed the latest mutants in this worker come first, then the rest,
 * the quickest first. What matters most is a static mutant, which runs every file.
 */
const TestSequencer = require('@jest/test-sequencer').default;
const bail = require('./bail.cjs');
const coveringFiles = require('./covering-files.cjs');

/** @typedef {Parameters<TestSequencer['sort']>[0][number]} Test */

class KillersFirstSequencer extends TestSequencer {
  /** @override @param {Test[]} tests */
  sort(tests) {
    const killers = bail.killers();
    const rank = (/** @type {Test} */ test) => {
      const killer = killers.indexOf(test.path);
      return killer === -1 ? killers.length : killer;
    };
    const time = (/** @type {Test} */ test) =>
      coveringFiles.duration(test.path) ?? Number.POSITIVE_INFINITY;
    return [...tests].sort((a, b) => rank(a) - rank(b) || time(a) - time(b) || 0);
  }
}

module.exports = KillersFirstSequencer;
