// @ts-check
/**
 * Whether the mutant now running is already killed: one failing test is enough, and Stryker's
 * Jest runner cannot pass Jest's `bail`. Shared by the test environment, which notes the first
 * failure and skips the rest of the file, and the runtime, which skips the files after it.
 */

// Set by Stryker's Jest runner for each mutant's run, and removed after it.
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/** @returns {string | undefined} the mutant of this run; none in the coverage run */
// eslint-disable-next-line no-restricted-properties
const activeMutant = () => process.env[ACTIVE_MUTANT];

/** @type {string | undefined} */
let killed;

/** @type {string[]} test files that killed a mutant in this worker, the latest first */
const killers = [];

module.exports = {
  activeMutant,
  /** A test or hook of `testFile` failed while the active mutant was on. */
  kill(/** @type {string} */ testFile) {
    killed = activeMutant();
    const known = killers.indexOf(testFile);
    if (known !== -1) killers.splice(known, 1);
    killers.unshift(testFile);
  },
  /** @returns {readonly string[]} the files that killed mutants here, the latest first */
  killers: () => killers,
  killedNow() {
    const active = activeMutant();
    return active !== undefined && active === killed;
  },
};
