// @ts-check
/**
 * The package's Jest runtime, except that once the active mutant is killed (bail.cjs), a test
 * file that comes after is not loaded: it gets one skipped test instead. Loading a file runs
 * the app's modules it imports, and is most of what a file costs when all its tests are skipped.
 *
 * And a test file that throws while it loads with a mutant on (a module-level call the mutant
 * broke, such as the harness's `useTestDatabase()`) gets one failing test with that error: Jest
 * would report the file as not run, which Stryker files as a runtime error, counted in no score,
 * when the mutant was plainly caught (the same file loaded in the first run, with no mutant).
 */
const bail = require('./bail.cjs');

// The package's own runtime (the repo's code-cache runtime), named by the Stryker config.
// eslint-disable-next-line no-restricted-properties
const base = process.env.TESTBED_MUTATION_BASE_RUNTIME;
/** @type {typeof import('jest-runtime').default} */
const Runtime = base ? require(base) : require('jest-runtime').default;
const SKIPPED_SUITE = require.resolve('./skipped-suite.cjs');
const FAILED_LOAD_SUITE = require.resolve('./failed-load-suite.cjs');
const LOAD_ERROR = '__testbedMutantLoadError';

class BailingRuntime extends Runtime {
  /** @param {ConstructorParameters<typeof Runtime>} args */
  constructor(...args) {
    super(...args);
    this.testEnvironment = args[1];
    this.testFile = args[6];
  }

  /**
   * @override
   * @template T
   * @param {string} from
   * @param {string} [moduleName]
   * @param {Parameters<InstanceType<typeof Runtime>['requireModule']>[2]} [options]
   * @param {boolean} [isRequireActual]
   * @returns {T}
   */
  requireModule(from, moduleName, options, isRequireActual) {
    if (moduleName !== undefined || from !== this.testFile || bail.activeMutant() === undefined)
      return super.requireModule(from, moduleName, options, isRequireActual);
    if (bail.killedNow()) return super.requireModule(SKIPPED_SUITE);
    try {
      return super.requireModule(from, moduleName, options, isRequireActual);
    } catch (error) {
      this.testEnvironment.global[LOAD_ERROR] = error;
      return super.requireModule(FAILED_LOAD_SUITE);
    }
  }
}

module.exports = BailingRuntime;
