// @ts-check
/**
 * The package's Jest runtime, except that once the active mutant is killed (bail.cjs), a test
 * file that comes after is not loaded: it gets one skipped test instead. Loading a file runs
 * the app's modules it imports, and is most of what a file costs when all its tests are skipped.
 */
const bail = require('./bail.cjs');

// The package's own runtime (the repo's code-cache runtime), named by the Stryker config.
// eslint-disable-next-line no-restricted-properties
const base = process.env.TESTBED_MUTATION_BASE_RUNTIME;
/** @type {typeof import('jest-runtime').default} */
const Runtime = base ? require(base) : require('jest-runtime').default;
const SKIPPED_SUITE = require.resolve('./skipped-suite.cjs');

class BailingRuntime extends Runtime {
  /** @param {ConstructorParameters<typeof Runtime>} args */
  constructor(...args) {
    super(...args);
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
    if (moduleName === undefined && from === this.testFile && bail.killedNow())
      return super.requireModule(SKIPPED_SUITE);
    return super.requireModule(from, moduleName, options, isRequireActual);
  }
}

module.exports = BailingRuntime;
