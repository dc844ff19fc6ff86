// @ts-check
/**
 * The Stryker options every mutated package shares. A package's stryker.config.mjs names what
 * it mutates and the score it must keep; how its tests run is decided here, once.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('@stryker-mutator/api/core').PartialStrykerOptions} StrykerOptions */
/** @typedef {import('jest').Config} JestConfig */

const jestRunner = fileURLToPath(import.meta.resolve('@stryker-mutator/jest-runner'));
const typescriptEnvironment = fileURLToPath(import.meta.resolve('./typescript-environment.cjs'));
const bailingRuntime = fileURLToPath(import.meta.resolve('./bailing-runtime.cjs'));
const coveringFilesFilter = fileURLToPath(import.meta.resolve('./covering-files.cjs'));
const survivorsReporter = fileURLToPath(import.meta.resolve('./survivors-reporter.mjs'));
const killersFirst = fileURLToPath(import.meta.resolve('./killers-first-sequencer.cjs'));

// Stryker's workers, each running Jest in band: one per core of a 2-core machine.
const WORKERS = 2;

/**
 * Stryker's Jest runner puts its own test environment in the top-level config only, so it
 * cannot see a config split into `projects`. The package's projects become one: the test files
 * of all, with the database harness of the one that has it (unit test files then get a database
 * they do not use, a few milliseconds each).
 *
 * @param {JestConfig} config
 * @returns {JestConfig}
 */
export function singleJestProject(config) {
  const projects = /** @type {JestConfig[]} */ (config.projects ?? [config]);
  const harness = projects.find((project) => project.globalSetup !== undefined) ?? projects[0];
  if (!harness) throw new Error('The Jest config has no project.');
  return {
    ...harness,
    displayName: undefined,
    testMatch: projects.flatMap((project) => project.testMatch ?? []),
  };
}

/**
 * The runner loads the environment with Node's `require`; a TypeScript one goes through
 * typescript-environment.cjs, which finds it by an absolute path in the environment.
 *
 * @param {NodeJS.Require} require from the package's folder
 * @param {string} packageDir
 * @param {string} name the Jest config's testEnvironment
 */
function loadableEnvironment(require, packageDir, name) {
  if (name === 'node') return name;
  const path = require.resolve(name.replace('<rootDir>', packageDir));
  if (!path.endsWith('.ts')) return path;
  // Read by typescript-environment.cjs in Stryker's workers, which inherit this process's env.
  // eslint-disable-next-line no-restricted-properties
  process.env.TESTBED_MUTATION_TEST_ENVIRONMENT = path;
  return typescriptEnvironment;
}

/**
 * @param {{
 *   packageDir: string,
 *   mutate: string[],
 *   breakAt: number,
 *   skipTests?: string[],
 * }} options `skipTests`: test paths (regular expressions) never run against mutants
 * @returns {StrykerOptions}
 */
export function defineStrykerConfig({ packageDir, mutate, breakAt, skipTests = [] }) {
  const require = createRequire(join(packageDir, 'package.json'));
  // No globalTeardown: the harness outlives each of a worker's Jest calls
  // (TESTBED_REUSE_HARNESS) and stops when the worker exits, so the teardown would do nothing;
  // loaded beside this runner's TypeScript environment, it also failed to resolve its imports.
  const project = singleJestProject(require('./jest.config.js'));
  const single = {
    ...project,
    // The harness that hosts the tests is not under test: the global setup is the package's own
    // file, not the sandbox's copy, so it runs unmutated code (the test environment is loaded
    // from the package too: loadableEnvironment). Otherwise every mutant of test-utils' database
    // code, active in the setup of every run, broke the harness before any test ran: Stryker
    // files that as a runtime error, outside the score.
    globalSetup: project.globalSetup?.replace('<rootDir>', packageDir),
    globalTeardown: undefined,
  };
  // Read by bailing-runtime.cjs in Stryker's workers, which inherit this process's env.
  // eslint-disable-next-line no-restricted-properties
  if (single.runtime) process.env.TESTBED_MUTATION_BASE_RUNTIME = single.runtime;
  return {
    testRunner: 'jest',
    plugins: [jestRunner, survivorsReporter],
    jest: {
      projectType: 'custom',
      config: {
        ...single,
        // Stryker's runner merges this config over the package's jest.config.js; its three
        // projects would stay, each a copy of this one, and every test would run three times.
        projects: [],
        testEnvironment: loadableEnvironment(require, packageDir, single.testEnvironment ?? 'node'),
        testPathIgnorePatterns: ['/node_modules/', ...skipTests],
        filter: coveringFilesFilter,
        runtime: bailingRuntime,
        testSequencer: killersFirst,
      },
      // The filter picks each mutant's files from the coverage run, more narrowly than Jest's
      // dependency graph would, which would be worked out again on every run.
      enableFindRelatedTests: false,
    },
    mutate,
    coverageAnalysis: 'perTest',
    thresholds: { high: 90, low: 80, break: breakAt },
    reporters: ['clear-text', 'progress', 'html', 'json', 'survivors'],
    htmlReporter: { fileName: 'reports/mutation/index.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    // Committed beside the package's config: with --incremental, only mutants whose code or
    // covering tests changed since it was written run again (in CI too: see run.ts).
    incrementalFile: 'stryker-incremental.json',
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    concurrency: WORKERS,
    // A mutant's time limit is Stryker's: timeoutFactor × its tests' time in the first run, plus
    // 5 s and that run's overhead. The first run had the cores to itself; a mutant's run shares
    // them with the other worker. At Stryker's default factor (1.5), a static mutant that every
    // test passed (it runs every file, ~60 s for fastify-api) was cut at ~54 s and filed as
    // timed out, which counts as detected: survivors hidden in the score. At 3, express-api's
    // static survivors took up to 114 s against a limit of 115 s: 2 per worker leaves room.
    timeoutFactor: 2 * WORKERS,
    // The first run of the whole suite, in band, takes minutes on a busy 2-core machine.
    dryRunTimeoutMinutes: 30,
  };
}
