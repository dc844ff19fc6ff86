// @ts-check
/**
 * The test environment Stryker's workers run: the package's own (a TypeScript file), loaded for
 * Stryker's Jest runner, plus what makes a mutant's run short.
 *
 * Loading: the runner wraps the configured environment in its own (to learn which tests reach
 * which mutants) and loads it with Node's `require`, not through Jest's transform. tsx loads
 * this one file and its imports without registering itself for anything else, so the app's
 * code stays compiled by Jest's swc transform, which keeps the decorator metadata TypeORM reads.
 *
 * Bail: one failing test kills a mutant, but the runner cannot pass Jest's `bail`, so every
 * test that covers the mutant would still run (for a module every request goes through, most
 * of the suite). Once a test or hook fails while a mutant is active, the rest of that run's
 * tests and their hooks are marked skipped as they come up, in this file and the next ones.
 *
 * Covering files: in the coverage run, which files' tests reached each mutant, and how long
 * each file took, are noted for the Jest filter in covering-files.cjs and the order of the files.
 */
const { appendFileSync } = require('node:fs');
const tsx = require('tsx/cjs/api');
const bail = require('./bail.cjs');
const coveringFiles = require('./covering-files.cjs');

// Set by the Stryker config (defineStrykerConfig) in the parent process; workers inherit it.
// eslint-disable-next-line no-restricted-properties
const path = process.env.TESTBED_MUTATION_TEST_ENVIRONMENT;
// Where a mutant's time goes: with this set to a file, each file a mutant's run loads adds a
// line (mutant, file, milliseconds, whether the mutant was killed by then, when it ended, in
// which worker).
// eslint-disable-next-line no-restricted-properties
const trace = process.env.TESTBED_MUTATION_TRACE;
if (!path) throw new Error('TESTBED_MUTATION_TEST_ENVIRONMENT names no test environment.');

/** @typedef {import('@jest/types').Circus.Event} Event */
/** @typedef {import('@jest/types').Circus.State} State */
/** @typedef {{ testPath: string }} Context */
/**
 * @typedef {{
 *   currentTestId?: string,
 *   mutantCoverage?: { static: Record<string, number>, perTest: Record<string, Record<string, number>> },
 * }} StrykerContext
 */
/**
 * @typedef {new (config: unknown, context: Context) => {
 *   global: Record<string, unknown>,
 *   handleTestEvent?(event: Event, state: State): unknown,
 *   setup(): Promise<void>,
 *   teardown(): Promise<void>,
 * }} Environment
 */

/** @type {{ default?: Environment } & Environment} */
const loaded = tsx.require(path, __filename);
const PackageEnvironment = loaded.default ?? loaded;

/** @typedef {import('@jest/types').Circus.DescribeBlock | import('@jest/types').Circus.TestEntry} Entry */

const SEPARATOR = '\u0000';

/** @param {Entry} entry @returns {string} its describe blocks' names and its own, from the file down */
function pathOf(entry) {
  /** @type {string[]} */
  const names = [];
  for (let at = /** @type {Entry | undefined} */ (entry); at?.parent; at = at.parent)
    names.unshift(at.name);
  return names.join(SEPARATOR);
}

/**
 * The order of a describe block's tests and inner blocks, before Jest runs them, by the same
 * tiers as the files (killers-first-sequencer.cjs): those holding a test that killed an earlier
 * mutant of the active mutant's source file (the latest first), then those holding a test that
 * reached that source file in the coverage run, then those holding any recent killer, then the
 * rest as written. A file's order matters as much as the files': a static mutant runs all of a
 * file, and the test that kills it may be the last of hundreds (the contract suites are one file).
 *
 * @param {import('@jest/types').Circus.DescribeBlock} block
 * @param {string} testFile
 */
function killersFirst(block, testFile) {
  const ofSource = bail.sourceKillers().tests;
  const reaching = coveringFiles.testsReachingActiveSource(testFile);
  const recent = bail.killerTests();
  if (ofSource.length + reaching.length + recent.length === 0) return;
  const rank = (/** @type {Entry} */ child) => {
    const path = pathOf(child);
    const within = (/** @type {string} */ test) =>
      test === path || test.startsWith(path + SEPARATOR);
    const own = ofSource.findIndex(within);
    if (own !== -1) return own;
    if (reaching.some(within)) return ofSource.length;
    const killer = recent.findIndex(within);
    return ofSource.length + 1 + (killer === -1 ? recent.length : killer);
  };
  const ranks = new Map(block.children.map((child) => [child, rank(child)]));
  block.children.sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
}

class MutationEnvironment extends PackageEnvironment {
  /** @param {unknown} config @param {Context} context */
  constructor(config, context) {
    super(config, context);
    this.testFile = context.testPath;
    /** A hook of this file failed: its tests are not skipped (handleTestEvent). */
    this.hookFailed = false;
    this.startedAt = performance.now();
  }

  /** @returns {StrykerContext | undefined} */
  stryker() {
    const name = this.global.__strykerGlobalNamespace__;
    return /** @type {StrykerContext | undefined} */ (
      this.global[typeof name === 'string' ? name : '__stryker__']
    );
  }

  /** @override @param {Event} event @param {State} state */
  handleTestEvent(event, state) {
    if (bail.activeMutant() === undefined) {
      if (event.name === 'test_done') this.noteCoverage(event.test);
    } else if (
      event.name === 'test_fn_failure' ||
      // A failed snapshot does not throw in the test (Jest collects it and fails the test when
      // it is done): seen here only. Missed, the mutant ran every file to its time limit.
      (event.name === 'test_done' && event.test.errors.length > 0 && !bail.killedNow())
    ) {
      bail.kill(this.testFile, pathOf(event.test));
    } else if (event.name === 'hook_failure') {
      const block = event.test ?? event.describeBlock;
      bail.kill(this.testFile, block ? pathOf(block) : '');
      // Its tests must still run and fail with the hook's error: skipped, they would leave
      // Stryker no failed test, and a mutant that stops the app from starting would survive.
      this.hookFailed = true;
    } else if (bail.killedNow() && !this.hookFailed && event.name === 'run_describe_start') {
      event.describeBlock.mode = 'skip';
    } else if (event.name === 'run_describe_start') {
      killersFirst(event.describeBlock, this.testFile);
    } else if (bail.killedNow() && !this.hookFailed && event.name === 'test_start') {
      event.test.mode = 'skip';
    }
    return super.handleTestEvent?.(event, state);
  }

  /**
   * The mutants the test that just ran reached (Stryker clears its id after this).
   *
   * @param {import('@jest/types').Circus.TestEntry} entry
   */
  noteCoverage(entry) {
    const stryker = this.stryker();
    const test = stryker?.currentTestId;
    const reached = Object.keys(
      (test === undefined ? undefined : stryker?.mutantCoverage?.perTest[test]) ?? {},
    );
    for (const mutant of reached) coveringFiles.learn(mutant, this.testFile);
    coveringFiles.learnTest(this.testFile, pathOf(entry), reached);
  }

  /** @override */
  async setup() {
    // A file after the kill loads only a skipped test (bailing-runtime.cjs): no database for it,
    // which is most of what such a file costs (the package's teardown has none to drop).
    if (bail.killedNow()) return;
    await super.setup();
    this.staticBefore = { ...this.stryker()?.mutantCoverage?.static };
  }

  /**
   * The static mutants this file reached: those run as its modules load or in its hooks, not
   * in a test. Stryker counts each run of each in one map for the whole coverage run; the
   * file's are those whose count grew while it ran (Jest loads a file's modules afresh, so a
   * module every file imports reaches every file).
   */
  staticReached() {
    const now = this.stryker()?.mutantCoverage?.static ?? {};
    const before = this.staticBefore ?? {};
    return Object.keys(now).filter((mutant) => (now[mutant] ?? 0) > (before[mutant] ?? 0));
  }

  /** @override */
  async teardown() {
    if (bail.activeMutant() === undefined) {
      for (const mutant of this.staticReached()) coveringFiles.learn(mutant, this.testFile);
      coveringFiles.timed(this.testFile, performance.now() - this.startedAt);
      coveringFiles.save();
    }
    await super.teardown();
    if (trace && bail.activeMutant() !== undefined) this.traceRun(trace);
  }

  /** @param {string} file */
  traceRun(file) {
    const line = {
      mutant: bail.activeMutant(),
      file: this.testFile,
      ms: Math.round(performance.now() - this.startedAt),
      killed: bail.killedNow(),
      endedAt: Date.now(),
      worker: process.pid,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

module.exports = MutationEnvironment;
