// @ts-check
/**
 * Whether the mutant now running is already killed: one failing test is enough, and Stryker's
 * Jest runner cannot pass Jest's `bail`. Shared by the test environment, which notes the first
 * failure and skips the rest of the file, and the runtime, which skips the files after it.
 */

const { sourceOf } = require('./mutant-sources.cjs');

// Set by Stryker's Jest runner for each mutant's run, and removed after it.
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/** @returns {string | undefined} the mutant of this run; none in the coverage run */
// eslint-disable-next-line no-restricted-properties
const activeMutant = () => process.env[ACTIVE_MUTANT];

/** @type {string | undefined} */
let killed;

/** @type {string[]} test files that killed a mutant in this worker, the latest first */
const killers = [];
/** @type {string[]} the same for the tests (or describe blocks, for a hook) that failed */
const killerTests = [];

/** @typedef {{ files: string[], tests: string[] }} Killers */
/** @type {Map<string, Killers>} the same, for the mutants of each source file */
const killersBySource = new Map();

/** @type {Killers} */
const NO_KILLERS = { files: [], tests: [] };

/** @returns {string | undefined} the source file of the active mutant */
function activeSource() {
  const active = activeMutant();
  return active === undefined ? undefined : sourceOf(active);
}

/** @param {string[]} list @param {string} latest */
function putFirst(list, latest) {
  const known = list.indexOf(latest);
  if (known !== -1) list.splice(known, 1);
  list.unshift(latest);
}

module.exports = {
  activeMutant,
  /**
   * A test or hook of `testFile` failed while the active mutant was on.
   *
   * @param {string} testFile
   * @param {string} testPath the test's (or the hook's describe block's) path in the file
   */
  kill(testFile, testPath) {
    killed = activeMutant();
    putFirst(killers, testFile);
    putFirst(killerTests, testPath);
    const source = killed === undefined ? undefined : sourceOf(killed);
    if (source === undefined) return;
    const ofSource = killersBySource.get(source) ?? { files: [], tests: [] };
    putFirst(ofSource.files, testFile);
    putFirst(ofSource.tests, testPath);
    killersBySource.set(source, ofSource);
  },
  /** @returns {readonly string[]} the files that killed mutants here, the latest first */
  killers: () => killers,
  /** @returns {readonly string[]} the paths of the tests that did, the latest first */
  killerTests: () => killerTests,
  activeSource,
  /** @returns {Killers} those of earlier mutants in the active mutant's file, the latest first */
  sourceKillers() {
    const source = activeSource();
    return (source === undefined ? undefined : killersBySource.get(source)) ?? NO_KILLERS;
  },
  killedNow() {
    const active = activeMutant();
    return active !== undefined && active === killed;
  },
};
